"use client";

import { ActionDialog } from "./action-dialog";

/**
 * A button that asks before it acts: the action dialog without a form state, closing as it
 * submits. A danger action opens from a quiet button, any other from a primary one.
 */
export function ConfirmButton({ tone = "danger", ...props }: Omit<React.ComponentProps<typeof ActionDialog>, "state" | "opener" | "children">) {
  return <ActionDialog {...props} tone={tone} opener={tone === "danger" ? "secondary" : "primary"} />;
}
