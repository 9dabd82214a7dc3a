import Drawing
import Harness
import Units

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
  /// The model's config.json, when the model came from one.
  public let config: ModelConfig?
  /// The optimizer.
  public let optimizer: CalculatorOptimizer
  /// The model's parameters: the preset's, the count given, or the architecture's exact count
  /// (LoRA adapters not included).
  public let parameters: UInt64
  /// Parameters that get a gradient (0 for a forward pass only).
  public let trainableParameters: UInt64
  /// The LoRA adapters, when asked for.
  public let lora: LoRAPlan?
  /// LoRA's parameters (0 without adapters).
  public let adapterParameters: UInt64
  /// The frozen linear weights' format, when quantized.
  public let weightFormat: WeightFormat?
  /// KV cache bytes per token (0 when the attention shape is unknown).
  public let kvCacheBytesPerToken: UInt64
  /// The KV cache counted in the total, with `--kv-cache`.
  public let cache: Cache?
  /// The largest batch and context that fit, with `--gpu-memory` and something that grows
  /// with them (the KV cache, else the activations).
  public let headroom: Headroom?

  /// The KV cache counted for serving.
  public struct Cache: Sendable {
    /// Its shape and element type.
    public let shape: KVCacheShape
    /// Bytes per token.
    public let perToken: UInt64
    /// Tokens per sequence.
    public let context: UInt64
    /// Sequences.
    public let batch: UInt64
    /// perToken · context · batch.
    public let bytes: UInt64
  }

  /// What else would fit, solved exactly.
  public struct Headroom: Sendable {
    /// The context the largest batch was solved at (nil when none was given).
    public let sequence: UInt64?
    /// The batch the largest context was solved at.
    public let batch: UInt64
    /// The largest batch at `sequence` (nil when unknown or unbounded).
    public let largestBatch: UInt64?
    /// The largest context at `batch` (nil when unbounded).
    public let largestContext: UInt64?
  }

  /// Every byte counted: the breakdown plus the KV cache.
  public var total: UInt64 { breakdown.total &+ (cache?.bytes ?? 0) }

  /// Whether `total` fits in `gpuMemory` (nil when no memory was given).
  public var fits: Bool? { gpuMemory.map { total <= $0 } }

  /// The report as an aligned table, with a few lines of context above and the verdict below.
  public func table() -> String {
    var lines = header()
    var rows: [[String]] = [["component", "bytes", "GB", "GiB"]]
    func add(_ label: String, _ bytes: UInt64) {
      rows.append([
        label, FigureText.grouped(bytes), fixed(Double(bytes) / 1e9),
        fixed(Double(bytes) / 1_073_741_824),
      ])
    }
    add(
      weightFormat.map { "weights (\($0.rawValue) linear layers, 16-bit rest)" } ?? "weights",
      breakdown.weights)
    add("gradients", breakdown.gradients)
    add("master weights (fp32)", breakdown.master)
    add("optimizer state", breakdown.optimizer)
    if let cache {
      add(
        "KV cache (\(FigureText.grouped(cache.context)) tokens × \(FigureText.grouped(cache.batch)) sequences)",
        cache.bytes)
      rows.append(["activations (serving: not counted)", "-", "-", "-"])
    } else if let full = fullActivations, let lecture = lectureActivations {
      add("activations, Korthikanti et al. 2022 (16-bit)", full)
      add("  lecture's one tensor per layer (not in total)", lecture)
    } else {
      rows.append(["activations (not estimated)", "-", "-", "-"])
    }
    add("total", total)
    lines.append("")
    lines += align(rows)
    if let gpuMemory, let fits {
      let room = fits ? gpuMemory - total : total - gpuMemory
      lines.append("")
      lines.append(
        "fits in \(FigureText.grouped(gpuMemory)) bytes (\(ByteFormatting.decimal(Double(gpuMemory))), "
          + "\(ByteFormatting.binary(Double(gpuMemory)))): "
          + (fits
            ? "yes, \(ByteFormatting.decimal(Double(room))) to spare"
            : "no, \(ByteFormatting.decimal(Double(room))) short"))
      lines += headroomLines()
    }
    return lines.joined(separator: "\n")
  }

  /// The largest batch and context that fit, one line each.
  private func headroomLines() -> [String] {
    guard let headroom else { return [] }
    let what = cache == nil ? "activations" : "KV cache"
    var lines: [String] = []
    if let sequence = headroom.sequence, let largest = headroom.largestBatch {
      lines.append(
        "largest batch at \(FigureText.grouped(sequence)) tokens: \(FigureText.grouped(largest)) sequences"
          + " (\(what) beside the rest)")
    }
    if let largest = headroom.largestContext {
      var line =
        "largest context at batch \(FigureText.grouped(headroom.batch)): \(FigureText.grouped(largest)) tokens"
      if let limit = config?.maxContext, largest > limit {
        line += " (beyond the model's \(FigureText.grouped(limit)) positions)"
      }
      lines.append(line)
    }
    return lines
  }

  /// The lines above the table: model, precision, optimizer, sharding, activation shape and
  /// the conventions behind the counts.
  private func header() -> [String] {
    var lines: [String] = []
    let count = "\(FigureText.grouped(parameters)) parameters"
    if let config {
      lines += configLines(config)
    } else if let preset, let modelName {
      lines.append("\(modelName) (\(preset.name)): \(count), computed as 12·L·d² + (V + n_ctx)·d")
    } else {
      lines.append(count)
    }
    let trainable: String
    if optimizer == .none {
      trainable = lora == nil ? "nothing trained" : "adapters served, not trained"
    } else if trainableParameters == parameters {
      trainable = "all trainable"
    } else if config != nil {
      trainable = "\(FigureText.grouped(trainableParameters)) trainable"
    } else {
      trainable =
        "\(FigureText.grouped(trainableParameters)) trainable (\(setup.trainableFraction))"
    }
    let optimizerText =
      optimizer == .none ? "no optimizer (forward only)" : optimizer.rawValue
    lines.append("\(precision.summary); \(optimizerText); \(trainable)")
    if let zeroStage, let gpus {
      lines.append("ZeRO stage \(zeroStage) over \(gpus) GPUs: bytes per GPU (largest shard)")
    }
    if let shape, cache == nil {
      lines.append(
        "activations for L = \(shape.layers), h = \(shape.hidden), a = \(shape.heads), "
          + "s = \(shape.sequence), b = \(shape.batch) per GPU")
      if precision == .fp32 {
        lines.append(
          "note: Korthikanti et al.'s formula assumes 16-bit activations; fp32 ones take about twice"
        )
      }
    }
    lines += conventions
    return lines
  }

  /// The config's architecture, its numbers and the exact count, plus LoRA's PEFT-style line.
  private func configLines(_ config: ModelConfig) -> [String] {
    let attention =
      config.kvHeads == config.heads
      ? "multi-head" : config.kvHeads == 1 ? "multi-query" : "grouped-query"
    var lines = [
      "\(config.file): \(config.architecture.rawValue), \(FigureText.grouped(parameters)) parameters "
        + "(exact, from the architecture)",
      "L = \(config.layers), h = \(config.hidden), heads = \(config.heads), kv heads = "
        + "\(config.kvHeads) (\(attention)), head_dim = \(config.headDim), MLP = "
        + "\(config.intermediate), V = \(config.vocabulary), embeddings "
        + (config.tiedEmbeddings ? "tied" : "untied"),
    ]
    if let lora {
      let all = parameters &+ adapterParameters
      let percent = Double(adapterParameters) / Double(all) * 100
      lines.append(
        "LoRA r = \(lora.rank) on \(lora.targets.joined(separator: ", ")) "
          + "(\(lora.adaptedMatrices) matrices, r·(d_in + d_out) each): trainable params: "
          + "\(FigureText.grouped(adapterParameters)) || all params: \(FigureText.grouped(all)) || trainable%: "
          + fixed(percent, decimals: 4))
    }
    return lines
  }

  /// One short line per convention a count relied on.
  public var conventions: [String] {
    var lines: [String] = []
    if let weightFormat { lines.append(weightFormat.convention) }
    if let convention = optimizer.convention, trainableParameters > 0 {
      lines.append(convention)
    }
    if let cache {
      var line = cache.shape.convention
      if cache.shape.precision.bytes == 1 { line += " (scales not counted)" }
      lines.append(line)
    }
    return lines
  }
}

/// A non-negative value with exactly `decimals` decimals: 349.1829 → "349.18".
func fixed(_ value: Double, decimals: Int = 2) -> String {
  var unit: UInt64 = 1
  for _ in 0..<decimals { unit *= 10 }
  let scaled = UInt64((value * Double(unit)).rounded())
  let fraction = String(scaled % unit)
  return "\(scaled / unit)." + String(repeating: "0", count: decimals - fraction.count) + fraction
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
