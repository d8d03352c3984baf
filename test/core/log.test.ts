import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashUser, useLogSalt } from "../../src/core/log.js";

describe("user ids in logs: a keyed hash, never the id", () => {
  it("given no LOG_SALT, then the hash is not the plain SHA-256 anyone could recompute from a guessed id", () => {
    const plain = createHash("sha256").update("slack:UANA").digest("hex").slice(0, 12);
    expect(hashUser("slack", "UANA")).not.toBe(plain);
    expect(hashUser("slack", "UANA")).toMatch(/^[0-9a-f]{12}$/);
  });

  it("given one LOG_SALT, then one user hashes the same every time (as in every replica sharing it), and differently under another salt or platform", () => {
    useLogSalt("a-salt-shared-by-replicas");
    const first = hashUser("slack", "UANA");
    expect(first).toBe(createHmac("sha256", "a-salt-shared-by-replicas").update("slack:UANA").digest("hex").slice(0, 12));
    expect(hashUser("slack", "UANA")).toBe(first);
    expect(hashUser("discord", "UANA")).not.toBe(first);
    useLogSalt("another-salt-for-another-deployment");
    expect(hashUser("slack", "UANA")).not.toBe(first);
  });
});
