export { FormField, FieldError } from "./form-field";
export { SubmitButton } from "./submit-button";
export { FormMessage, fieldErrorsOf } from "./form-message";
export { ActionForm, type FormActionFn } from "./action-form";
// ConfirmDialog is imported from "@/components/forms/confirm-dialog" itself: through this index, Radix's dialog
// would ride along into every page with a form (sign-in, sign-up), used or not.
