/** The settings page. */
export { SettingsView } from './SettingsView';
