/**
 * The design system (looks in ui.css, tokens documented in docs/ARCHITECTURE.md § Design system).
 * Views build screens from these parts rather than bare elements.
 */
export {
  Button,
  Card,
  Checkbox,
  EmptyState,
  FileButton,
  Form,
  FormActions,
  FormRow,
  Input,
  List,
  NumberInput,
  Page,
  PageHeader,
  readInteger,
  Section,
  Select,
  Table,
  Textarea,
  Toolbar,
  type ButtonKind,
  type FieldWidth,
} from './components';
export { confirm, Dialog, SidePanel, type ConfirmOptions } from './Dialog';
export { DateField, formatChineseDate, parseChineseDate } from './DateField';
export { dismiss, notify, useNotices, type Notice, type NoticeKind, type NotifyOptions } from './notify';
export { UiHost } from './UiHost';
export { DraftNote, typedAt } from './DraftNote';
