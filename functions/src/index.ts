import { app } from '@azure/functions';
import { loadConfig } from './config';
import { httpHandler } from './http/invoke';
import { routes } from './routes';
import { createServices } from './services';

/**
 * The Functions app (Node v4 model): every route of the table registered with the host.
 * A missing or bad setting throws here, so the host reports it at start-up.
 */
const services = createServices(loadConfig(process.env));

for (const route of routes) {
  app.http(route.name, {
    methods: [route.method],
    route: route.path,
    // Authentication is App Service Authentication's job; roles are checked per route.
    authLevel: 'anonymous',
    handler: httpHandler(route, services, routes),
  });
}
