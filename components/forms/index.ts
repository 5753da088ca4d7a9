export { FormField, FieldError } from "./form-field";
export { SubmitButton } from "./submit-button";
export { FormMessage, fieldErrorsOf } from "./form-message";
export { ActionForm, type FormActionFn } from "./action-form";
export { ConfirmDialog } from "./confirm-dialog";
