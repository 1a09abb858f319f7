// The duplicates feature's public entry: what makes two contacts the same person (the import's check uses it too).
export { emailKey, nameSuffixKey, phoneKey, phoneSuffix, REASON_STRENGTH, type MatchReason } from './match-keys'
