// The shared vocabulary of element types and byte quantities lives in Sources/Units. The kit
// re-exports it, so that exercises, solutions, graders and tests that `import` the topic keep
// naming `ElementType` and `ByteFormatting` without a second import.
@_exported import Units
