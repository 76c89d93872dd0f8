// A decoder thread's module that fails as it loads, as a broken install would.
throw new Error('this module does not load');
