/**
 * robots.txt (RFC 9309): the group for our product token (`Yandu`), else the `*` group;
 * Allow/Disallow with `*` and `$`; the longest matching rule wins, Allow on a tie.
 */

interface Rule {
  allow: boolean;
  pattern: string;
  re: RegExp;
}

function compile(pattern: string): RegExp {
  let src = '';
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  for (const ch of body) src += ch === '*' ? '.*' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${src}${anchored ? '$' : ''}`);
}

/** Percent-encodes what a path would carry on the wire, so rules and paths compare alike. */
function normalisePath(p: string): string {
  try {
    return encodeURI(decodeURI(p));
  } catch {
    return p;
  }
}

export class RobotsRules {
  constructor(private readonly rules: Rule[]) {}

  static allowAll(): RobotsRules {
    return new RobotsRules([]);
  }

  static disallowAll(): RobotsRules {
    return new RobotsRules([{ allow: false, pattern: '/', re: /^\// }]);
  }

  /** `path` is the path and query of a URL. */
  allows(path: string): boolean {
    const p = normalisePath(path || '/');
    let best: Rule | null = null;
    for (const r of this.rules) {
      if (!r.re.test(p)) continue;
      if (!best || r.pattern.length > best.pattern.length || (r.pattern.length === best.pattern.length && r.allow)) best = r;
    }
    return best ? best.allow : true;
  }
}

/** Parses robots.txt text for a product token (lower case, e.g. `yandu`). */
export function parseRobots(text: string, token: string): RobotsRules {
  const groups: { agents: string[]; rules: Rule[] }[] = [];
  let current: { agents: string[]; rules: Rule[] } | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    if (!line) continue;
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (key === 'allow' || key === 'disallow') {
      if (!value) continue; // "Disallow:" allows everything
      const pattern = normalisePath(value.startsWith('/') || value.startsWith('*') ? value : `/${value}`);
      current.rules.push({ allow: key === 'allow', pattern, re: compile(pattern) });
    }
  }
  const mine = groups.filter((g) => g.agents.some((a) => a !== '*' && (a === token || a.startsWith(token))));
  const chosen = mine.length > 0 ? mine : groups.filter((g) => g.agents.includes('*'));
  return new RobotsRules(chosen.flatMap((g) => g.rules));
}
