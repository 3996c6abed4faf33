/**
 * Placement digest of any anchoring bench, for proving that a change moved no placement:
 *   ANCHOR_DIGEST=/tmp/out.txt node --import tsx --import ./tests/bench/anchoring-digest-hook.mjs \
 *     tests/bench/anchoring-outside5.ts --seeds 1-40
 * Every anchorAll()/anchor() call the bench makes is recorded as one line (a hash of the text and
 * of the selectors, then every placement: start-end, or x for an orphan) in ANCHOR_DIGEST. Run it
 * on two trees and diff the files. The bench itself is not changed: its import of
 * shared/anchoring/index is redirected to anchoring-digest-wrap.ts, which records and passes on.
 */
import { register } from 'node:module';

register('./anchoring-digest-loader.mjs', import.meta.url);
