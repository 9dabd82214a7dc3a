extension CalculatorReport {
  /// The report as one JSON object, integers in bytes or counts: the breakdown (`weights`,
  /// `gradients`, `master`, `optimizer`, `activations`, `total`, the KV cache included in the
  /// total), then `parameters`, `trainableParameters`, `kvCacheBytesPerToken` (0 when the
  /// attention shape is unknown), `kvCacheBytes` (0 without `--kv-cache`), and `largestBatch`
  /// and `largestContext` (null unless solved for).
  public func json() -> String {
    let fields: [(String, UInt64?)] = [
      ("weights", breakdown.weights), ("gradients", breakdown.gradients),
      ("master", breakdown.master), ("optimizer", breakdown.optimizer),
      ("activations", breakdown.activations), ("total", total),
      ("parameters", parameters), ("trainableParameters", trainableParameters),
      ("kvCacheBytesPerToken", kvCacheBytesPerToken), ("kvCacheBytes", cache?.bytes ?? 0),
      ("largestBatch", headroom?.largestBatch), ("largestContext", headroom?.largestContext),
    ]
    return "{"
      + fields.map { "\"\($0.0)\": " + ($0.1.map { "\($0)" } ?? "null") }.joined(separator: ", ")
      + "}"
  }
}
