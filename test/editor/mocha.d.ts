// The few mocha declarations the editor suite uses (the repo pins mocha but not @types/mocha).
declare module 'mocha' {
  type Done = (err?: unknown) => void;
  type Fn = (this: unknown, done: Done) => void | Promise<unknown>;
  type AsyncFn = () => void | Promise<unknown>;
  export function describe(title: string, fn: () => void): void;
  export function it(title: string, fn: AsyncFn | Fn): void;
  export function before(fn: AsyncFn): void;
  export function after(fn: AsyncFn): void;
  export function beforeEach(fn: AsyncFn): void;
  export function afterEach(fn: AsyncFn): void;

  interface Test {
    fullTitle(): string;
    duration?: number;
  }
  interface Runner {
    on(event: 'pass', fn: (test: Test) => void): this;
    on(event: 'fail', fn: (test: Test, err: unknown) => void): this;
  }
  interface MochaOptions {
    ui?: 'bdd' | 'tdd';
    color?: boolean;
    timeout?: number;
    reporter?: string;
  }
  class Mocha {
    constructor(options?: MochaOptions);
    addFile(file: string): this;
    grep(re: string | RegExp): this;
    run(fn?: (failures: number) => void): Runner;
  }
  export default Mocha;
}
