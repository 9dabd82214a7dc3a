/// How `--weights` stores the frozen linear weights of the decoder blocks. Embeddings, norms,
/// biases and the output head stay in 16 bits, as bitsandbytes leaves them.
public enum WeightFormat: String, CaseIterable, Sendable {
  /// LLM.int8 (bitsandbytes Int8Params): one byte per weight, one fp32 scale per output row.
  case int8
  /// 4-bit integers with one 16-bit scale per group of 128 weights: 4.125 bits per weight.
  case int4
  /// QLoRA's NF4: 4 bits, one absmax per block of 64 stored in 8 bits (double quantization),
  /// with one fp32 constant per 256 of those: 4 + 8/64 + 32/16384 ≈ 4.127 bits per weight.
  case nf4

  /// Bytes of one d_out × d_in matrix (`rows` × `columns`), blocks taken over the flattened
  /// matrix as bitsandbytes does.
  ///
  /// - Throws: `TrainingMemoryError` beyond 64 bits.
  public func bytes(rows: UInt64, columns: UInt64) throws -> UInt64 {
    let count = try Checked.multiply(rows, columns, "the weights of one matrix")
    let packed = count / 2 + count % 2
    switch self {
    case .int8:
      return try Checked.add(count, try Checked.multiply(4, rows, "int8 scales"), "int8 weights")
    case .int4:
      let groups = Checked.ceilDivide(count, 128)
      return try Checked.add(packed, try Checked.multiply(2, groups, "int4 scales"), "int4 weights")
    case .nf4:
      let blocks = Checked.ceilDivide(count, 64)
      let constants = try Checked.multiply(4, Checked.ceilDivide(blocks, 256), "nf4 constants")
      return try Checked.sum([packed, blocks, constants], "nf4 weights")
    }
  }

  /// The convention, one short line for the report.
  public var convention: String {
    switch self {
    case .int8: return "int8 weights: 1 byte each + one fp32 scale per output row (LLM.int8)"
    case .int4: return "int4 weights: 4 bits + one 16-bit scale per group of 128 (4.125 bits)"
    case .nf4:
      return "nf4 weights: 4 bits + one 8-bit absmax per 64 + one fp32 per 256 absmax "
        + "(double quantization, ≈ 4.127 bits)"
    }
  }
}
