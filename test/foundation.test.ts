import { describe, expect, it } from 'vitest';
import plugin, { meta } from '../src/index.js';

describe('plugin object', () => {
  it('names itself', () => {
    expect(meta.name).toBe('eslint-plugin-aws-credentials');
    expect(plugin.meta).toBe(meta);
  });
});
