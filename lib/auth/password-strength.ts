import { ZxcvbnFactory, type ZxcvbnResult } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";

/**
 * zxcvbn's estimate, with the dictionaries its packages ship: tens of thousands of passwords
 * from breach lists, common words and names, keyboard walks, repeats and sequences. No network
 * call. Built on first use: loading the dictionaries takes about half a second.
 */
let estimator: ZxcvbnFactory | undefined;

export function estimatePassword(password: string): ZxcvbnResult {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return estimator.check(password);
}

/** Score 3 of 4: at least 10^8 guesses even for an attacker who knows these lists. */
export const MIN_PASSWORD_SCORE = 3;
