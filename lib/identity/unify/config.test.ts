import { describe, expect, it } from 'vitest';
import { DEFAULT_UNIFY_CONFIG, parseUnifyConfig } from './config';

describe('unify configuration', () => {
  it('the defaults: CX > OM > DI for names, agreement first for birth and gender, the newest address', () => {
    expect(DEFAULT_UNIFY_CONFIG.fields).toEqual({
      name: [{ rule: 'source-priority', sources: ['CX', 'OM', 'DI'] }, { rule: 'most-recent' }],
      birthDate: [{ rule: 'most-frequent' }, { rule: 'source-priority', sources: ['CX', 'OM', 'DI'] }],
      gender: [{ rule: 'most-frequent' }, { rule: 'source-priority', sources: ['CX', 'OM', 'DI'] }],
      address: [{ rule: 'most-recent' }, { rule: 'source-priority', sources: ['CX', 'OM', 'DI'] }],
    });
  });

  it('a field given replaces its chain; the others keep theirs', () => {
    const c = parseUnifyConfig(JSON.parse('{"fields":{"name":[{"rule":"most-frequent"},{"rule":"source-priority","sources":["OM","DI"]}]}}'));
    expect(c.fields.name).toEqual([{ rule: 'most-frequent' }, { rule: 'source-priority', sources: ['OM', 'DI'] }]);
    expect(c.fields.address).toEqual(DEFAULT_UNIFY_CONFIG.fields.address);
    expect(parseUnifyConfig({ fields: {} })).toEqual(DEFAULT_UNIFY_CONFIG);
  });

  it.each([
    [{ fields: { name: [] } }, /at least one rule/],
    [{ fields: { name: [{ rule: 'oldest' }] } }, /rule/],
    [{ fields: { name: [{ rule: 'source-priority', sources: ['CX', 'CX'] }] } }, /listed once/],
    [{ fields: { name: [{ rule: 'source-priority', sources: ['cx'] }] } }, /channel code/],
    [{ fields: { name: [{ rule: 'most-recent', sources: ['CX'] }] } }, /sources/],
    [{ fields: { phone: [{ rule: 'most-recent' }] } }, /phone/],
  ])('refuses %j', (input, message) => {
    expect(() => parseUnifyConfig(input)).toThrow(message);
  });
});
