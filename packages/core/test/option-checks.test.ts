import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@kafka-assignors/core';
import { checkNoOptions, checkOptionKeys } from '@kafka-assignors/core/internal';

describe('checkOptionKeys', () => {
  it('accepts an object of known options, some or none of them', () => {
    expect(() => checkOptionKeys('f', { a: 1 }, ['a', 'b'])).not.toThrow();
    expect(() => checkOptionKeys('f', {}, ['a', 'b'])).not.toThrow();
  });

  it.each<[unknown, string, string]>([
    [{ a: 1, c: 2 }, 'options.c', 'is not an option (a, b)'],
    [null, 'options', 'must be an object, not null'],
    ['a', 'options', 'must be an object, not "a"'],
    [['a'], 'options', 'must be an object, not an array'],
  ])('refuses %j, naming the option', (options, argument, problem) => {
    const check = () => checkOptionKeys('f', options, ['a', 'b']);
    expect(check).toThrow(TypeError);
    expect(check).toThrow(expect.objectContaining({ constructor: InvalidArgumentError, name: 'InvalidArgumentError', functionName: 'f', argument, problem, message: `f: ${argument} ${problem}` }));
  });
});

describe('checkNoOptions', () => {
  it('accepts undefined only', () => {
    expect(() => checkNoOptions('f', undefined)).not.toThrow();
  });

  it.each<[unknown, string, string]>([
    [{ foo: 1 }, 'options.foo', 'is not an option: f takes none'],
    [{}, 'options', 'must be left out, not an object: f takes no options'],
    [null, 'options', 'must be left out, not null: f takes no options'],
    [0, 'options', 'must be left out, not 0: f takes no options'],
    ['member-1', 'options', 'must be left out, not "member-1": f takes no options'],
  ])('refuses %j', (options, argument, problem) => {
    expect(() => checkNoOptions('f', options)).toThrow(expect.objectContaining({ constructor: InvalidArgumentError, argument, problem, message: `f: ${argument} ${problem}` }));
  });
});
