/** Hand-made texts for the anchoring tests: distinct filler paragraphs and phrase positions. */

/** Distinct filler paragraphs (ours); `filler` numbers them so no two are alike. */
export const FILLER = [
  '春耕时节，驻村工作队走访了四十多户农家，把各家的难处一一记在本子上。',
  '图书室重新开放以后，晚饭后来借书的村民比过去多了一倍，孩子们最爱看连环画。',
  '合作社的账目每季度张榜公布，哪一笔钱花在哪里，大家看得清清楚楚。',
  '老党员讲起当年修水渠的经历，年轻人听得很认真，不时提出自己的问题。',
  '镇里的卫生院添了新设备，村民看病不必再跑到县城，省下不少路费。',
  '夜校的课程表贴在村委会门口，周二讲种植技术，周四讲法律常识。',
  '河堤加固工程赶在汛期前完工，沿岸几个村子的群众都来帮忙运土。',
  '乡村学校新建了塑胶操场，体育老师带着学生们每天练习跳绳和长跑。',
  '菜市场改造以后摊位整齐了，地面也干净了，买菜的老人说走着放心。',
  '党员志愿服务队每月到敬老院打扫卫生，陪老人们聊天、理发、量血压。',
  '农技站的专家下田指导病虫害防治，手把手教大家配药和喷洒的方法。',
  '村里的文艺队排练了新节目，准备在丰收节上为乡亲们演出。',
];

/** `count` paragraphs from `pool`, starting at `from`, each numbered （第N段）. */
export function filler(from: number, count: number, pool: readonly string[] = FILLER): string[] {
  return Array.from({ length: count }, (_, i) => pool[(from + i) % pool.length]!.replace('。', `（第${from + i}段）。`));
}

/** Offset of the `n`th (from 0) occurrence of `phrase` in `text`; throws when there is none. */
export function at(text: string, phrase: string, n = 0): number {
  let found = -1;
  for (let i = 0; i <= n; i++) {
    found = text.indexOf(phrase, found + 1);
    if (found < 0) throw new Error(`no occurrence ${n} of ${phrase}`);
  }
  return found;
}
