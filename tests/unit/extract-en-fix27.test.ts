/**
 * Issue 16, enfix27: kinds of English page the twenty-fifth outside set showed (a press release's
 * boilerplate before its tables, a mail's signature and the replies quoting it, a tab title naming
 * someone's review, other readers' reviews, a cast list, a navbox's row labels, time codes and
 * notebook prompts), each with our own made-up markup and text, each with a case where the rule
 * must not fire.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../main/services/extract/extract';

const URL = 'https://fenwick.example/items/77';

function page(body: string, head = '<title>Item | Fenwick</title>'): string {
  return (
    `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>` +
    '<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About</a></nav></header>' +
    `<main>${body}</main><footer><p>Fenwick, a small made-up site</p></footer></body></html>`
  );
}

const P = [
  'The co-operative said on Tuesday that its members had delivered more milk in the autumn than in any autumn since the dairy opened, helped by a mild October and a new collection round.',
  'Prices paid to farmers rose by four per cent over the quarter, and the board agreed to pay the second half of the yearly bonus in December rather than in March.',
  'The new cheese room in Ashby will open in the spring, and the co-operative expects it to take a fifth of the milk that is now sold on to other dairies.',
];

describe('a press release: safe-harbour, About and contacts sections before its tables', () => {
  const boiler =
    '<h3>Forward-Looking Statements</h3><p>This release contains forward-looking statements about our expected milk volumes and prices; actual results may differ materially because of weather, feed costs and the other risks in our annual report.</p>' +
    '<h3>About Fenwick Dairy</h3><p>Fenwick Dairy is a farmers’ co-operative of 212 members founded in 1931 and based in Ashby. Learn more at fenwick.example.</p>' +
    '<p><strong>Media Contact:</strong><br>Jo Marsh<br>press@fenwick.example</p>';
  const table =
    '<table><caption>Milk received (million litres)</caption><thead><tr><th></th><th>Q3 2026</th><th>Q3 2025</th></tr></thead>' +
    '<tbody><tr><td>Whole milk</td><td>41.2</td><td>38.9</td></tr><tr><td>Organic milk</td><td>6.4</td><td>5.1</td></tr><tr><td>Total</td><td>47.6</td><td>44.0</td></tr></tbody></table>';

  it('drops the boilerplate and keeps the tables after it', () => {
    const html = `<article><h1>Fenwick Dairy Reports Record Autumn Intake</h1><div class="body"><p>${P[0]}</p><p>${P[1]}</p><h3>Outlook</h3><p>${P[2]}</p>${boiler}${table}<p>SOURCE Fenwick Dairy</p></div></article>`;
    const a = extractArticle(page(html), URL, { referee: 'never' });
    expect(a.text).toContain('Organic milk | 6.4 | 5.1');
    expect(a.text).not.toContain('forward-looking statements about');
    expect(a.text).not.toContain('co-operative of 212 members');
    expect(a.text).not.toContain('SOURCE Fenwick Dairy');
    expect(a.paragraphs).toContain(P[2]);
  });

  it('keeps an `About …` section of a text with no safe-harbour heading (no release)', () => {
    const about = 'We asked every member by post and counted the replies by hand, twice, over the first week of November.';
    const html = `<article><h1>What Members Said</h1><div class="body"><p>${P[0]}</p><p>${P[1]}</p><h3>About the survey</h3><p>${about}</p></div></article>`;
    const a = extractArticle(page(html), URL, { referee: 'never' });
    expect(a.paragraphs).toContain(about);
  });
});

describe('a mail message: signature after `-- `, vote counters, replies quoting it', () => {
  const lines = [
    'Hi all,',
    '',
    'The bulk tank at the Ashby collection point has been running warm since',
    'Friday. I have asked the engineer to come on Monday, and until then the',
    'lorry will collect twice a day instead of once.',
    '',
    'Thanks,',
    'Jo',
    '',
    '-- ',
    'Jo Marsh · collections, Fenwick Dairy',
    'https://fenwick.example',
  ];
  const reply = (quote: string, own: string): string =>
    `<div class="msg msg-reply"><div class="msg-body"><blockquote>&gt; ${quote}</blockquote>${own}</div><ul class="msg-info"><li><span>+1 (2)</span></li></ul></div>`;
  const html =
    `<h1>Ashby bulk tank running warm</h1><div class="msg msg-first"><div class="msg-body">${lines.join('<br>\n')}</div><ul class="msg-info"><li><span class="likes">+1 (5)</span> <span>-1 (0)</span></li></ul></div>` +
    `<h2>Replies</h2><div class="replies">${reply(
      'The bulk tank at the Ashby collection point has been running warm since',
      'Thank you, Jo. I will keep the morning milk in our own tank until then<br>\nand bring it to the afternoon round instead.',
    )}${reply('lorry will collect twice a day instead of once.', 'Does the second collection also stop at Wendle Farm on its way back<br>\nto the dairy, or only at Ashby?')}</div>`;

  it('keeps the message and its sign-off name, drops the card, the counters and the replies', () => {
    const a = extractArticle(page(html), URL, { referee: 'never' });
    expect(a.text).toContain('lorry will collect twice a day instead of once.');
    expect(a.text).toContain('Jo');
    expect(a.text).not.toContain('collections, Fenwick Dairy');
    expect(a.text).not.toContain('+1 (5)');
    expect(a.text).not.toContain('morning milk in our own tank');
    expect(a.text).not.toContain('Wendle Farm');
  });

  it('keeps a blockquote that quotes another text, not the message above it', () => {
    const quote = 'Milk that waits more than two days in a warm tank must be thrown away';
    const own = `<p>${P[0]}</p><p>${P[1]}</p><div class="rule"><blockquote>&gt; ${quote}</blockquote><p>${P[2]}</p></div>`;
    const a = extractArticle(page(`<h1>Tank rules</h1>${own}`), URL, { referee: 'never' });
    expect(a.text).toContain(quote);
  });
});

describe('a reader’s review: a tab title naming the review, other readers’ reviews', () => {
  const review = [
    'I bought this book for the photographs of the old dairies and stayed for the chapters on the families who ran them, which are funny and sad in turn.',
    'The writer spent two winters in the valley and it shows: the dialect is right, the weather is right, and nobody is made a saint.',
    'The best chapter follows one lorry driver through a single January day, from the first farm gate at five in the morning to the last churn at dusk, and it reads like a short story.',
    'The worst is the chapter on the closing of the big creamery, which repeats what the newspapers said at the time and adds little of the writer’s own.',
    'My only complaint is the index, which is too thin for a book so full of names and places.',
  ];
  const others =
    '<section class="more"><h2>More reviews of Milk Rounds</h2>' +
    [
      'A lovely book that my grandfather, who drove a milk lorry up and down the valley for forty years, read twice in one week and then lent to his neighbours.',
      'Too long by a third, and the chapter on cheese is dull, but the photographs alone are worth the price of the hardback edition, which is not cheap.',
      'I learned more about my own village from this book than from fifty years of living in it, and I have told everyone at the shop to buy a copy.',
    ]
      .map((t) => `<article class="card"><div class="who"><a href="/u/1">A reader</a></div><div class="txt">${t}</div></article>`)
      .join('') +
    '</section>';
  const html = `<section class="rev"><h1>Funny, sad and full of weather</h1><div class="txt">${review.map((t) => `<p>${t}</p>`).join('')}</div>${others}</section>`;
  const head =
    '<title>Alex Pym\u2019s review of Milk Rounds | Shelves</title><meta property="og:title" content="Alex Pym\u2019s review of Milk Rounds">';

  it('takes the review’s own headline as the title', () => {
    const a = extractArticle(page(html, head), URL, { referee: 'never' });
    expect(a.title).toBe('Funny, sad and full of weather');
  });

  it('keeps the stated title when it is no review label', () => {
    const a = extractArticle(page(html, '<title>Milk Rounds, a history of the valley’s dairies | Shelves</title>'), URL, {
      referee: 'never',
    });
    expect(a.title).not.toBe('Funny, sad and full of weather');
  });

  it('leaves other readers’ reviews out, the referee asked too', () => {
    const a = extractArticle(page(html, head), URL, { referee: 'always' });
    expect(a.text).toContain(review[4]);
    expect(a.text).not.toContain('drove a milk lorry');
  });
});

describe('a wiki episode page: a cast list of linked pairs, a navbox’s row labels', () => {
  const link = (t: string): string => `<a href="/wiki/${t.replace(/ /g, '_')}">${t}</a>`;
  const cast = (joinerWord: string): string =>
    `<h2>Cast</h2><ul>${[
      ['Ada Wren', 'Nell Corrie'],
      ['Tom Hale', 'Sam Corrie'],
      ['Ines Ro', 'Maud'],
      ['Ben Oke', 'The drover'],
    ]
      .map(([x, y]) => `<li>${link(x!)} ${joinerWord} ${link(y!)}</li>`)
      .join('')}</ul>`;
  const navbox = `<table class="nav"><tr><th>Season 1</th><td>${['Pilot', 'The Tank', 'Low Road', 'Last Round'].map(link).join(' • ')}</td></tr></table>`;
  const body = (list: string): string =>
    `<h1>The Second Round</h1><div class="content"><p>${P[0]}</p><h2>Plot</h2><p>${P[1]}</p><p>${P[2]}</p>${list}${navbox}</div>`;

  it('keeps each `actor as character` item and drops the navbox row’s label', () => {
    const a = extractArticle(page(body(cast('as'))), URL, { referee: 'never' });
    expect(a.paragraphs).toContain('Tom Hale as Sam Corrie');
    expect(a.paragraphs).not.toContain('Season 1');
  });

  it('drops a list of link pairs parted by a bullet only (a menu)', () => {
    const a = extractArticle(page(body(cast('·'))), URL, { referee: 'never' });
    expect(a.text).not.toContain('Tom Hale');
  });

  it('keeps a table row’s label beside a single link (a data row)', () => {
    const table = `<table><tr><th>Season 1</th><td>${link('Pilot')}</td></tr><tr><th>Season 2</th><td>${link('The Tank')}</td></tr></table>`;
    const a = extractArticle(
      page(`<h1>The Second Round</h1><div class="content"><p>${P[0]}</p><p>${P[1]}</p>${table}<p>${P[2]}</p></div>`),
      URL,
      {
        referee: 'never',
      },
    );
    expect(a.paragraphs).toContain('Season 1');
  });
});

describe('counters between the text’s blocks: time codes and notebook prompts', () => {
  it('drops a time code in its own box between turns and a cell prompt', () => {
    const html = `<h1>Dairy Support Debate</h1><div class="record"><p>${P[0]}</p><div class="time"><time>2.58 pm</time></div><p>${P[1]}</p><div class="prompt">[2]:</div><pre>print(total)</pre><p>${P[2]}</p></div>`;
    const a = extractArticle(page(html), URL, { referee: 'never' });
    expect(a.paragraphs).not.toContain('2.58 pm');
    expect(a.paragraphs).not.toContain('[2]:');
    expect(a.paragraphs).toContain(P[1]);
  });

  it('keeps a time in a schedule’s list', () => {
    const html = `<h1>Open Day</h1><div class="record"><p>${P[0]}</p><ul><li>10.30 am</li><li>Milking parlour tours</li><li>2.15 pm</li><li>Cheese tasting</li></ul><p>${P[1]}</p><p>${P[2]}</p></div>`;
    const a = extractArticle(page(html), URL, { referee: 'never' });
    expect(a.paragraphs).toContain('10.30 am');
  });
});

describe('a code block beside a gutter of line-number links (not a navbox row)', () => {
  it('keeps every code line', () => {
    const gutter = [1, 2, 3, 4].map((n) => `<a href="#line-${n}">${n}</a>`).join('\n');
    const code = ['totals = {}', 'for row in rows:', '    totals[row.farm] = row.litres', 'print(totals)'];
    const html = `<h1>Counting Milk by Farm</h1><div class="content"><p>${P[0]}</p><p>${P[1]}</p><table class="highlighttable"><tr><td class="linenos"><pre>${gutter}</pre></td><td class="code"><pre><code>${code.join('\n')}</code></pre></td></tr></table><p>${P[2]}</p></div>`;
    const a = extractArticle(page(html), URL, { referee: 'never' });
    expect(a.text).toContain('totals[row.farm] = row.litres');
  });
});

describe('a live blog’s entry times (not time codes between a record’s items)', () => {
  it('keeps a time over an entry’s headline', () => {
    const entry = (t: string, h: string, p: string): string =>
      `<div class="entry"><div class="entry-time"><time>${t}</time></div><h3>${h}</h3><div class="entry-body"><p>${p}</p></div></div>`;
    const html = `<h1>Live: the dairy strike</h1><p class="intro">We are following the strike at the Ashby dairy through the day. Refresh this page for the latest.</p><div class="feed">${entry('18:05', 'Lorries move again', P[0]!)}${entry('16:40', 'Talks resume', P[1]!)}${entry('14:15', 'Gates closed', P[2]!)}${entry('12:30', 'Pickets at the gate', P[0]!.replace('Tuesday', 'Monday'))}</div>`;
    const a = extractArticle(page(html), URL, { referee: 'never' });
    expect(a.paragraphs).toContain('16:40');
  });
});

describe('a layout table: the text in one cell, a column of links beside it', () => {
  it('keeps a short line of the text cell', () => {
    const side = `<td class="side">${['Home', 'World', 'Business', 'Sport'].map((t) => `<a href="/${t}">${t}</a>`).join('<br>')}</td>`;
    const html = `<h1>Dairy Strike Ends</h1><table><tr><td class="text"><p>${P[0]}</p><p>${P[1]}</p><p>${P[2]}</p><p class="note">Our rules: the dairy desk’s principles.</p></td>${side}</tr></table>`;
    const a = extractArticle(page(html), URL, { referee: 'never' });
    expect(a.paragraphs).toContain('Our rules: the dairy desk’s principles.');
  });
});
