// What every service module needs to call Go through the generated bindings:
// rejections become typed errors, Go's nil slices become arrays, and the
// generated model classes are used as plain data.
import { toApiError } from './errors';

/** Awaits a bound Go call; a rejection becomes an ApiError. */
export async function wrap<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    throw toApiError(e);
  }
}

/** Go's nil slices arrive as null: components always get arrays. */
export const list = <T>(xs: T[] | null | undefined): T[] => xs ?? [];

/** The data of a generated model class, without its helper methods (plain JSON objects). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Data<T> = T extends (infer U)[] ? Data<U>[] : T extends object ? { [K in keyof T as T[K] extends (...a: any[]) => any ? never : K]: Data<T[K]> } : T;
