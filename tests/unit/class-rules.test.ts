/**
 * The page's single-class rules as converted pages state them: the later of two rules wins,
 * `@media print` rules are not what the screen shows, and a property is found wherever it sits
 * among the declarations.
 */
import { describe, expect, it } from 'vitest';
import { classProperty, classRules } from '../../main/services/extract/class-rules';
import { parseLightDocument } from '../../main/services/extract/light-dom';
import type { Document } from '../../main/services/parsed-dom';

const LEFT = /(?:^|[;{\s])left\s*:\s*(-?[\d.]+)px/;
const SIZE = /(?:^|[;{\s])font-size\s*:\s*([\d.]+)px/;

const doc = (css: string): Document =>
  parseLightDocument(`<html><head><style>${css}</style></head><body><p>正文</p></body></html>`) as unknown as Document;

describe('class-rules', () => {
  it('reads a property wherever it sits in a rule, the later rule winning', () => {
    const rules = classRules(doc('.x1{bottom:3px;left:113.4px;}\n.fs2{font-size:16px}.fs2{font-size:21px}'));
    expect(classProperty(rules, 'x1', LEFT)?.match[1]).toBe('113.4');
    expect(classProperty(rules, 'fs2', SIZE)?.match[1]).toBe('21');
    expect(classProperty(rules, 'fs2', SIZE)!.order).toBeGreaterThan(classProperty(rules, 'x1', LEFT)!.order);
  });

  it('leaves out the rules of @media print blocks', () => {
    const rules = classRules(doc('.x1{left:90px}@media print{.x1{left:12px}.x2{left:40px}}'));
    expect(classProperty(rules, 'x1', LEFT)?.match[1]).toBe('90');
    expect(classProperty(rules, 'x2', LEFT)).toBeUndefined();
  });

  it('has nothing for a class no rule names or a property no rule sets', () => {
    const rules = classRules(doc('.a .b{left:5px}.c{color:red}'));
    expect(classProperty(rules, 'b', LEFT)?.match[1]).toBe('5');
    expect(classProperty(rules, 'c', LEFT)).toBeUndefined();
    expect(classProperty(rules, 'zz', LEFT)).toBeUndefined();
  });
});
