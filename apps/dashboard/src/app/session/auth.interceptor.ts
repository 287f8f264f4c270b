import type { HttpInterceptorFn } from '@angular/common/http';
import { HttpErrorResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';
import { Session, TRYING_A_KEY } from './session';

/**
 * Every API request carries the signed-in key; a 401 on any of them means the key stopped
 * working (revoked, expired, rotated away), so the user goes back to the sign-in screen and is
 * told why. The request that tries a key handles its own 401.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(Session);
  const key = session.key;
  const signed = key && !request.headers.has('Authorization') ? request.clone({ setHeaders: { Authorization: `Bearer ${key}` } }) : request;
  return next(signed).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && !request.context.get(TRYING_A_KEY)) session.keyRefused();
      return throwError(() => error);
    }),
  );
};
