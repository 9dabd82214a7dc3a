import Harness

/// What `workbook calc` found: the set-up, the breakdown (per GPU under ZeRO), both activation
/// estimates, and whether the total fits.
public struct CalculatorReport: Sendable {
  /// The preset's display name ("GPT-3 175B"), or nil for a bare parameter count.
  public let modelName: String?
  /// The preset, when one was named.
  public let preset: GPT3Preset?
  /// The accounted set-up (parameters, types, optimizer, trainable share).
  public let setup: TrainingSetup
  /// The precision preset it came from.
  public let precision: Precision
  /// The ZeRO stage, when sharding was asked for.
  public let zeroStage: Int?
  /// The data-parallel GPU count, when given.
  public let gpus: Int?
  /// The transformer shape of the activation estimates, when known.
  public let shape: ActivationEstimate.Shape?
  /// The lecture's activation estimate (one tokens × d_model tensor per layer), not in the total.
  public let lectureActivations: UInt64?
  /// Korthikanti et al.'s estimate without recomputation, counted in the total.
  public let fullActivations: UInt64?
  /// Bytes per component: per GPU when `zeroStage` is set, otherwise for one full copy.
  public let breakdown: MemoryBreakdown
  /// One GPU's memory, when given.
  public let gpuMemory: UInt64?

  /// Whether `breakdown.total` fits in `gpuMemory` (nil when no memory was given).
  public var fits: Bool? { gpuMemory.map { breakdown.total <= $0 } }

  /// The breakdown as JSON: `{"weights": …, "gradients": …, "master": …, "optimizer": …,
  /// "activations": …, "total": …}`, integers in bytes.
  public func json() -> String {
    let fields: [(String, UInt64)] = [
      ("weights", breakdown.weights), ("gradients", breakdown.gradients),
      ("master", breakdown.master), ("optimizer", breakdown.optimizer),
      ("activations", breakdown.activations), ("total", breakdown.total),
    ]
    return "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
  }

  /// The report as an aligned table, with a few lines of context above and the verdict below.
  public func table() -> String {
    var lines = header()
    var rows: [[String]] = [["component", "bytes", "GB", "GiB"]]
    func add(_ label: String, _ bytes: UInt64) {
      rows.append([
        label, grouped(bytes), fixed(Double(bytes) / 1e9), fixed(Double(bytes) / 1_073_741_824),
      ])
    }
    add("weights", breakdown.weights)
    add("gradients", breakdown.gradients)
    add("master weights (fp32)", breakdown.master)
    add("optimizer state", breakdown.optimizer)
    if let full = fullActivations, let lecture = lectureActivations {
      add("activations, Korthikanti et al. 2022 (16-bit)", full)
      add("  lecture's one tensor per layer (not in total)", lecture)
    } else {
      rows.append(["activations (not estimated)", "-", "-", "-"])
    }
    add("total", breakdown.total)
    lines.append("")
    lines += align(rows)
    if let gpuMemory, let fits {
      let room = fits ? gpuMemory - breakdown.total : breakdown.total - gpuMemory
      lines.append("")
      lines.append(
        "fits in \(grouped(gpuMemory)) bytes (\(ByteFormatting.decimal(Double(gpuMemory))), "
          + "\(ByteFormatting.binary(Double(gpuMemory)))): "
          + (fits
            ? "yes, \(ByteFormatting.decimal(Double(room))) to spare"
            : "no, \(ByteFormatting.decimal(Double(room))) short"))
    }
    return lines.joined(separator: "\n")
  }

  /// The lines above the table: model, precision, optimizer, sharding, activation shape.
  private func header() -> [String] {
    var lines: [String] = []
    let count = "\(grouped(setup.parameters)) parameters"
    if let preset, let modelName {
      lines.append("\(modelName) (\(preset.name)): \(count), computed as 12·L·d² + (V + n_ctx)·d")
    } else {
      lines.append(count)
    }
    let trainable =
      setup.trainableParameters == setup.parameters
      ? "all trainable"
      : "\(grouped(setup.trainableParameters)) trainable (\(setup.trainableFraction))"
    let optimizer = setup.optimizer == .none ? "no optimizer (forward only)" : "\(setup.optimizer)"
    lines.append("\(precision.summary); \(optimizer); \(trainable)")
    if let zeroStage, let gpus {
      lines.append("ZeRO stage \(zeroStage) over \(gpus) GPUs: bytes per GPU (largest shard)")
    }
    if let shape {
      lines.append(
        "activations for L = \(shape.layers), h = \(shape.hidden), a = \(shape.heads), "
          + "s = \(shape.sequence), b = \(shape.batch) per GPU")
      if precision == .fp32 {
        lines.append(
          "note: Korthikanti et al.'s formula assumes 16-bit activations; fp32 ones take about twice"
        )
      }
    }
    return lines
  }
}

/// `1234567` → `"1,234,567"`.
func grouped(_ value: UInt64) -> String {
  let digits = Array(String(value))
  var text = ""
  for (index, digit) in digits.enumerated() {
    if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
    text.append(digit)
  }
  return text
}

/// A non-negative value with exactly two decimals: 349.1829 → "349.18".
func fixed(_ value: Double) -> String {
  let hundredths = UInt64((value * 100).rounded())
  let fraction = hundredths % 100
  return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
}

/// Rows as lines: the first column left-aligned, the others right-aligned, two spaces apart.
private func align(_ rows: [[String]]) -> [String] {
  let columns = rows.map(\.count).max() ?? 0
  var widths = [Int](repeating: 0, count: columns)
  for row in rows {
    for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
  }
  return rows.map { row in
    row.enumerated().map { index, cell in
      let padding = String(repeating: " ", count: widths[index] - cell.count)
      return index == 0 ? cell + padding : padding + cell
    }.joined(separator: "  ")
  }
}
