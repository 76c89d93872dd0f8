// Waits until each URL answers 200: the dev server's first build and the
// backend's start-up take minutes on a small machine.
//
//   node scripts/adopter/wait-for-app.mjs <url>... (ADOPTER_WAIT_SECONDS, 900)
const urls = process.argv.slice(2);
const deadline =
  Date.now() + Number(process.env.ADOPTER_WAIT_SECONDS ?? 900) * 1000;

async function answers(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    return response.ok;
  } catch {
    return false;
  }
}

for (const url of urls) {
  const started = Date.now();
  while (!(await answers(url))) {
    if (Date.now() > deadline) {
      console.error(`${url} did not answer in time`);
      process.exit(1);
    }
    await new Promise(resolve => setTimeout(resolve, 3000));
  }
  console.log(
    `${url} answered after ${Math.round((Date.now() - started) / 1000)}s`,
  );
}
