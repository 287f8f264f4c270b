import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import type { ApplicationConfig } from '@angular/core';
import { provideBrowserGlobalErrorListeners } from '@angular/core';
import { UrlSerializer, provideRouter } from '@angular/router';
import { APP_ROUTES } from './app.routes';
import { authInterceptor } from './session/auth.interceptor';
import { UrlSerializerWithoutKey } from './session/url-serializer-without-key';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withFetch(), withInterceptors([authInterceptor])),
    provideRouter(APP_ROUTES),
    { provide: UrlSerializer, useClass: UrlSerializerWithoutKey },
  ],
};
