import { render, screen } from '@testing-library/react';
import app from './App';

describe('App', () => {
  it('asks a visitor to sign in as guest under the configured title', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Can I deploy?' },
            backend: { baseUrl: 'http://localhost:7007' },
          },
          context: 'test',
        },
      ] as any,
    };

    render(app.createRoot());

    expect(await screen.findByText('Can I deploy?')).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: 'Enter' }),
    ).toBeInTheDocument();
  });
});
