// The component library the screens compose (docs/web-ui.md).
export { Banner } from "./Banner";
export { ConfirmButton, type ConfirmButtonProps } from "./ConfirmButton";
export { DataTable, type Column, type DataTableProps } from "./DataTable";
export { Dialog, type DialogProps } from "./Dialog";
export { Field, type FieldProps } from "./Field";
export { Form, type FormProps } from "./Form";
export { createForm, useForm, type FieldValue, type FormState } from "./form-state";
export { InfiniteList, type InfiniteListProps, type Page } from "./InfiniteList";
export { Link } from "./Link";
export { ListState, type ListStateProps } from "./ListState";
export { Screen, type ScreenProps } from "./Screen";
export { ClockInZone, TimeInZone, type TimeInZoneProps } from "./TimeInZone";
export { useNow } from "./useNow";
