/** Every CLI command registers itself here, one import each. */
import './cli/info';
import './cli/extract';
import './cli/crawl';
import './cli/packet';
import './cli/pdf';
import './cli/diagnostics';
import './cli/channel';
