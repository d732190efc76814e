import { describe, expect, test } from 'vitest';
import { parseBrokerList } from '../src/broker-list.js';

describe('parseBrokerList', () => {
  test('splits a comma-separated host:port list, ignoring blanks', () => {
    expect(parseBrokerList('127.0.0.1:9092')).toEqual(['127.0.0.1:9092']);
    expect(parseBrokerList(' kafka-1:9092, kafka-2.internal:19092 ,,')).toEqual(['kafka-1:9092', 'kafka-2.internal:19092']);
    expect(parseBrokerList('[::1]:9092')).toEqual(['[::1]:9092']);
  });

  test.each(['', ' , ', 'localhost', ':9092', 'localhost:', 'localhost:0', 'localhost:65536', 'host:90x2', 'a b:9092'])(
    'rejects %j with the value in the message',
    (value) => {
      expect(() => parseBrokerList(value)).toThrow(/expected host:port/);
    },
  );
});
