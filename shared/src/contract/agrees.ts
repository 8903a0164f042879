/**
 * Compile-time checks that a wire schema describes an engine type: the same fields, each of
 * the same type, so that a change to one side without the other does not compile.
 */
export type Agrees<Wire, Engine> = [Wire, keyof Wire] extends [Engine, keyof Engine]
  ? [Engine, keyof Engine] extends [Wire, keyof Wire]
    ? true
    : false
  : false;
export type Assert<T extends true> = T;
