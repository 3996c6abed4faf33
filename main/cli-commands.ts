/** Every CLI command registers itself here, one import each. */
import './cli/info';
import './cli/extract';
