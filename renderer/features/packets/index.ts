/**
 * What other features use of packets: the reader's 重点摘编 panel and the file helpers. The
 * packets page itself is loaded on demand by the app (app/App.tsx), so it is not listed here.
 */
// The packet and study pages share these styles (pk-*).
import './packets.css';

export { LeaderPanel } from './LeaderPanel';
export { downloadBase64, errorText, fileToBase64 } from './files';
export { ChannelPublish, ChannelReturns, ChannelSubmitReturn } from './ChannelActions';
