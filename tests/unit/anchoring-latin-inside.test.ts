/**
 * Issue 12 item 4, the ninth outside bench's md_links and thread misses, built by hand: runs of
 * non-Han units (a Markdown link's address, a thread's post marker) written inside a Chinese
 * passage whose units all still stand in order, its context whole on both sides. The passage is
 * placed over the whole stretch; a passage that also lost or changed a Han unit is not read so,
 * nor one that two places read alike.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { newDocument } from '../../shared/anchoring/doc';
import { latinInsidePlace } from '../../shared/anchoring/latin-inside';
import { at, filler } from './helpers/anchoring-text';

const QUOTE = '与去年的型号一样，这款收音机采用了更大的旋钮，外壳几乎没有变化，背面的电池盒也是如此。';
const PARA = `厂家今天发布了新一代收音机。${QUOTE}新款增加了两种颜色，价格比去年更低。`;

suite('non-Han runs written inside a passage', () => {
  const [a, b, c, d] = filler(0, 4);
  const old = [a, b, PARA, c, d].join('\n');
  const start = at(old, QUOTE);
  const sel = describe(old, start, start + QUOTE.length);

  it('places a sentence with a link address written around one of its words on the whole stretch', () => {
    const link = '[去年](https://example.invalid/notes/2041)';
    const neu = [a, b, PARA.replace('与去年的型号', `与${link}的型号`), c, d].join('\n\n');
    const placed = anchorAll(neu, [sel])[0];
    expect(placed).not.toBeNull();
    expect(neu.slice(placed!.start, placed!.end)).toBe(QUOTE.replace('去年', link));
  });

  it('places it across two links and a post marker written at a cut inside it', () => {
    const edited = QUOTE.replace('旋钮', '[旋钮](https://example.invalid/w/knob)')
      .replace('外壳几乎', '外壳几…\n(3/7) …乎')
      .replace('电池盒', '[电池盒](https://example.invalid/w/battery)');
    const neu = [a, b, PARA.replace(QUOTE, edited), c, d].join('\n');
    const placed = anchorAll(neu, [sel])[0];
    expect(placed).not.toBeNull();
    expect(neu.slice(placed!.start, placed!.end)).toBe(edited);
  });

  it('does not read a passage that also lost a Han unit', () => {
    const neu = [a, b, PARA.replace('与去年的型号', '与[去年](https://example.invalid/notes/2041)型号'), c, d].join('\n');
    expect(latinInsidePlace(newDocument(neu), sel)).toBeNull();
  });

  it('does not choose between two places that read alike', () => {
    const linked = PARA.replace('与去年的型号', '与[去年](https://example.invalid/notes/2041)的型号');
    const neu = [a, b, linked, c, d, b, linked.replace('notes/2041', 'notes/77'), c].join('\n');
    expect(latinInsidePlace(newDocument(neu), sel)).toBeNull();
  });
});
