import { describe, expect, it } from "vitest";
import { newPassword } from "./member-input";

describe("newPassword", () => {
  it.each(["aaaaaaaaaaaa", "password1234", "qwertyuiop12", "iloveyou2024", "123456789012", "Password1234"])("refuses the common password %s", (weak) => {
    const result = newPassword.safeParse(weak);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/less common password/);
  });

  it.each(["correct horse battery staple", "a long and happy passphrase", "vivid-otter-lantern-42"])("accepts the passphrase %s", (strong) => {
    expect(newPassword.safeParse(strong).success).toBe(true);
  });

  it("says the length first when a password is short", () => {
    expect(newPassword.safeParse("abc").error?.issues[0].message).toBe("Use at least 12 characters");
  });
});
