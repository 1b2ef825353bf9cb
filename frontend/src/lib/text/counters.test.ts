import { describe, expect, it } from 'vitest';
import { charLength, counterText, lengthState } from './counters';

describe('length counters', () => {
  it('count characters, not bytes or UTF-16 units', () => {
    expect(charLength('扎克伯格的超万亿投入')).toBe(10);
    expect(charLength('AI“豪赌”')).toBe(6);
    expect(charLength('𠮷野家')).toBe(3);
  });

  it('judge against the profile bounds', () => {
    expect(lengthState('', 5, 60)).toBe('empty');
    expect(lengthState('   ', 5, 60)).toBe('empty');
    expect(lengthState('短', 5, 60)).toBe('short');
    expect(lengthState('边缘推理的崛起', 5, 60)).toBe('ok');
    expect(lengthState('一'.repeat(61), 5, 60)).toBe('long');
    expect(lengthState('一'.repeat(500), 0, 0)).toBe('ok');
  });

  it('show the count with the bounds', () => {
    expect(counterText('边缘推理', 0, 60)).toBe('4 / 60');
    expect(counterText('边缘推理', 10, 60)).toBe('4 / 10–60');
    expect(counterText('边缘推理', 10, 0)).toBe('4 / ≥10');
    expect(counterText('边缘推理', 0, 0)).toBe('4');
  });
});
