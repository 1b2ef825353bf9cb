package render

// HugoVersion is the Hugo release whose .Content this package reproduces
// byte for byte. The parity test checks it against the Hugo binary it runs,
// so the two cannot drift apart silently; scripts/tools.sh builds this release.
const HugoVersion = "v0.165.0"
