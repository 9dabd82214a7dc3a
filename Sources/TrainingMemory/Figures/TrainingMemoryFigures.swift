import Harness
import Units

/// Every figure the lesson states, computed by the kit (the lesson links each as `[text](fig:id)`).
public enum TrainingMemoryFigures {
  /// All figures, in the order the lesson first uses them.
  public static let all: [Figure] = {
    do {
      return try lifetimes() + adam() + bytesPerParameter() + gpt3() + trainable() + zero()
        + estimators()
    } catch {
      // Every input below is a constant well inside 64 bits; reaching this is a bug in the kit.
      preconditionFailure("a TrainingMemory figure failed to compute: \(error)")
    }
  }()

  /// The figure called `id`, if there is one.
  public static func figure(_ id: String) -> Figure? { all.first { $0.id == id } }

  // MARK: - Lifetimes

  private static func lifetimes() -> [Figure] {
    let timeline = TrainingTimeline(TrainingTimeline.lessonExample)
    let endOfForward = timeline.moments.first { $0.label == "fwd 3" }?.total ?? 0
    let peak = timeline.peak
    return [
      Figure("example-forward-end", gb(endOfForward, unit: "MB")),
      Figure("example-peak", gb(peak.total, unit: "MB")),
      Figure("example-peak-moment", peak.label),
    ]
  }

  // MARK: - Adam

  private static func adam() -> [Figure] {
    let settings = AdamSettings()
    let beta1 = Double(settings.beta1)
    let beta2 = Double(settings.beta2)
    // How many steps until 1 − βᵗ ≥ 0.99, i.e. the correction changes the moment by under 1 %.
    func warmup(_ beta: Double) -> Int {
      var t = 1
      var power = beta
      while 1 - power < 0.99 {
        t += 1
        power *= beta
      }
      return t
    }
    let uncorrected = (1 - beta1) / (1 - beta2).squareRoot()
    return [
      Figure("adam-m-correction-step1", ByteFormatting.trimmed(1 / (1 - beta1), decimals: 1)),
      Figure("adam-v-correction-step1", ByteFormatting.trimmed(1 / (1 - beta2), decimals: 0)),
      Figure("adam-uncorrected-first-step", ByteFormatting.trimmed(uncorrected, decimals: 2)),
      Figure("adam-m-warmup-steps", "\(warmup(beta1))"),
      Figure("adam-v-warmup-steps", "\(warmup(beta2))"),
    ]
  }

  // MARK: - Bytes per parameter

  private static func bytesPerParameter() throws -> [Figure] {
    func perParameter(_ setup: TrainingSetup) throws -> String {
      "\(try Accounting.breakdown(setup).total) B"
    }
    let one: UInt64 = 1
    // Hugging Face's anatomy of mixed precision: fp32 + fp16 weights, fp32 gradients, fp32 m, v.
    let huggingFace =
      ElementType.fp32.bytesPerElement + ElementType.fp16.bytesPerElement
      + ElementType.fp32.bytesPerElement + 2 * ElementType.fp32.bytesPerElement
    let sevenB = try Accounting.breakdown(.mixedPrecision(parameters: 7_000_000_000)).total
    let thirteen: UInt64 = 13_000_000_000
    let thirteenWeights = try ElementType.fp16.bytes(count: thirteen)
    let flashcardStates = try ElementType.fp16.bytes(count: 3 * thirteen)
    let thirteenMixed = try Accounting.breakdown(.mixedPrecision(parameters: thirteen)).total
    // The flashcards' own activation assumption: 20 % of the fp16 weights.
    let flashcardActivations = thirteenWeights / 5
    return [
      Figure("bytes-fp32-sgd", try perParameter(TrainingSetup(parameters: one, optimizer: .sgd))),
      Figure(
        "bytes-fp32-momentum",
        try perParameter(TrainingSetup(parameters: one, optimizer: .momentum))),
      Figure("bytes-fp32-adam", try perParameter(TrainingSetup(parameters: one))),
      Figure(
        "bytes-mixed-sgd", try perParameter(.mixedPrecision(parameters: one, optimizer: .sgd))),
      Figure(
        "bytes-mixed-momentum",
        try perParameter(.mixedPrecision(parameters: one, optimizer: .momentum))),
      Figure("bytes-mixed-adam", try perParameter(.mixedPrecision(parameters: one))),
      Figure(
        "bytes-bf16-adam",
        try perParameter(
          Precision.bf16.setup(
            parameters: one, trainableFraction: 1, optimizer: .adam))),
      Figure("bytes-hf-mixed-adam", "\(ByteFormatting.trimmed(huggingFace, decimals: 1)) B"),
      // PyTorch autocast: fp32 weights and gradients, casting to fp16 inside each operation.
      Figure("bytes-autocast-adam", try perParameter(TrainingSetup(parameters: one))),
      Figure("adam-7b-mixed", gb(sevenB)),
      Figure("adam-7b-mixed-gib", ByteFormatting.binary(Double(sevenB))),
      Figure("flashcard-13b-weights", gb(thirteenWeights)),
      Figure("flashcard-13b-states", gb(flashcardStates)),
      Figure("adam-13b-mixed", gb(thirteenMixed)),
      Figure("adam-13b-with-activations", gb(thirteenMixed + flashcardActivations)),
    ]
  }

  // MARK: - GPT-3

  private static func gpt3() throws -> [Figure] {
    // The family's other rows, and the 13B width, are the inference lesson's figures.
    var figures = [
      Figure("gpt3-175b-parameters", parameterText(try GPT3Preset.named("gpt3-175b").parameters))
    ]

    // The lecture's round 175 billion, as it computes with it.
    let nominal: UInt64 = 175_000_000_000
    let fp32Adam = try Accounting.breakdown(TrainingSetup(parameters: nominal))
    let mixed = try Accounting.breakdown(.mixedPrecision(parameters: nominal))
    let gpt = try GPT3Preset.named("gpt3-175b")
    let batch = gpt.batchTokens
    let layerFP16 = try ActivationEstimate.lecturePerLayer(
      tokens: batch, hidden: gpt.hidden, type: .fp16)
    let layerFP32 = try ActivationEstimate.lecturePerLayer(
      tokens: batch, hidden: gpt.hidden, type: .fp32)
    let full = try ActivationEstimate.korthikantiPerLayer(
      tokens: batch, sequence: GPT3Preset.context, hidden: gpt.hidden, heads: gpt.heads)
    let sequence = try ActivationEstimate.Shape(
      layers: gpt.layers, hidden: gpt.hidden, heads: gpt.heads, sequence: GPT3Preset.context,
      batch: 1)
    let sequenceLayer = try ActivationEstimate.lecturePerLayer(
      tokens: GPT3Preset.context, hidden: gpt.hidden, type: .fp16)
    let sequenceFull = try ActivationEstimate.korthikantiPerLayer(
      tokens: GPT3Preset.context, sequence: GPT3Preset.context, hidden: gpt.hidden, heads: gpt.heads
    )
    let gpuBytes: UInt64 = 80_000_000_000
    figures += [
      Figure("gpt3-175b-weights-fp16", gb(try ElementType.fp16.bytes(count: nominal))),
      Figure("gpt3-175b-weights-fp32", gb(fp32Adam.weights)),
      Figure("gpt3-175b-grad-moments-fp32", gb(fp32Adam.gradients + fp32Adam.optimizer)),
      Figure("gpt3-175b-fp32-adam-total", gb(fp32Adam.total)),
      Figure("gpt3-175b-mixed-total", gb(mixed.total)),
      Figure("gpt3-175b-gpus-80gb", "\(Checked.ceilDivide(mixed.total, gpuBytes))"),
      Figure("gpt3-175b-layer-activation-fp16", gb(layerFP16)),
      Figure("gpt3-175b-layer-activation-fp32", gb(layerFP32)),
      Figure("gpt3-175b-lecture-activations", gb(layerFP16 * gpt.layers)),
      Figure("gpt3-175b-full-layer", gb(full)),
      Figure("gpt3-175b-full-activations", gb(full * gpt.layers)),
      Figure(
        "full-to-lecture-ratio",
        ByteFormatting.trimmed(Double(full) / Double(layerFP16), decimals: 1)),
      Figure("gpt3-175b-sequence-layer", gb(sequenceLayer)),
      Figure(
        "gpt3-175b-sequence-recompute", gb(try ActivationEstimate.lecture(sequence, type: .fp16))),
      Figure("gpt3-175b-sequence-full-layer", gb(sequenceFull)),
      Figure("gpt3-175b-sequence-full", gb(try ActivationEstimate.korthikanti(sequence))),
      // Full recomputation stores one input per layer, but the layer being recomputed holds its
      // whole activation set during its backward pass.
      Figure(
        "gpt3-175b-sequence-recompute-peak",
        gb(try ActivationEstimate.lecture(sequence, type: .fp16) + sequenceFull)),
    ]
    // When do activations outweigh model states? Per layer, 16 bytes for each of 12·h² weights
    // against one sequence's activations, kept in full or as the layer input only.
    let layerStates = try Accounting.breakdown(
      .mixedPrecision(parameters: 12 * gpt.hidden * gpt.hidden)
    ).total
    figures += [
      Figure("gpt3-175b-layer-states", gb(layerStates)),
      Figure("gpt3-crossover-sequences-full", "\(Checked.ceilDivide(layerStates, sequenceFull))"),
      Figure(
        "gpt3-crossover-sequences-recompute", "\(Checked.ceilDivide(layerStates, sequenceLayer))"),
    ]
    return figures
  }

  // MARK: - Trainable and frozen

  private static func trainable() throws -> [Figure] {
    let seven: UInt64 = 7_000_000_000
    let full = try Accounting.breakdown(.mixedPrecision(parameters: seven))
    let peft = try Accounting.breakdown(.mixedPrecision(parameters: seven, trainableFraction: 0.01))
    let trainedState = peft.gradients + peft.master + peft.optimizer
    // QLoRA (Dettmers et al. 2023): 4-bit NF4 codes, one absmax per block of 64 weights, and with
    // double quantization those absmaxes in 8 bits with one fp32 constant per 256 of them.
    let (block, constantsBlock) = (64.0, 256.0)
    let plainBits = 4 + 32 / block
    let doubleBits = 4 + 8 / block + 32 / (block * constantsBlock)
    let trainableCount = try TrainingSetup.mixedPrecision(
      parameters: seven, trainableFraction: 0.01
    ).trainableParameters
    return [
      Figure("peft-7b-trainable", parameterText(trainableCount)),
      Figure("peft-7b-1pct-total", gb(peft.total)),
      Figure("peft-7b-1pct-trained-state", gb(trainedState, unit: "MB")),
      Figure(
        "peft-7b-saving",
        ByteFormatting.trimmed(Double(full.total) / Double(peft.total), decimals: 1) + "×"),
      Figure("qlora-block", ByteFormatting.trimmed(block, decimals: 0)),
      Figure("qlora-constants-block", ByteFormatting.trimmed(constantsBlock, decimals: 0)),
      Figure("qlora-bits-plain", ByteFormatting.trimmed(plainBits, decimals: 3)),
      Figure("qlora-bits", ByteFormatting.trimmed(doubleBits, decimals: 3)),
      Figure("qlora-7b-weights", ByteFormatting.decimal(Double(seven) * doubleBits / 8)),
    ]
  }

  // MARK: - ZeRO

  private static func zero() throws -> [Figure] {
    let setup = try TrainingSetup.mixedPrecision(parameters: 7_500_000_000)
    var figures = try (0...3).map { stage in
      Figure(
        "zero-7.5b-stage\(stage)", gb(try Accounting.perGPU(setup, stage: stage, gpus: 64).total))
    }
    let gpt = try TrainingSetup.mixedPrecision(parameters: 175_000_000_000)
    figures.append(
      Figure("zero-175b-stage3-64", gb(try Accounting.perGPU(gpt, stage: 3, gpus: 64).total)))
    figures.append(
      Figure("zero-175b-stage3-1024", gb(try Accounting.perGPU(gpt, stage: 3, gpus: 1024).total)))
    return figures
  }

  // MARK: - The estimators

  private static func estimators() throws -> [Figure] {
    let p: Double = 7.5e9
    let n: Double = 64
    // DeepSpeed's estimate_zero2_model_states_mem_needs without offload, current and older
    // versions, and estimate_zero3_model_states_mem_needs (before its largest-layer term).
    let zero2 = 2 * p + (18 * p / n).rounded(.down)
    let zero2Older = 4 * p + (16 * p / n).rounded(.down)
    let zero3 = (18 * p / n).rounded(.down)
    // accelerate estimate-memory: the largest of four per-stage figures, not their sum.
    let seven: Double = 7e9
    let fp32Size = 4 * seven
    let acceleratedFP32 = [fp32Size, fp32Size, 2 * fp32Size, 4 * fp32Size].max() ?? 0
    let acceleratedHalf = [fp32Size, fp32Size * 1.5, 2 * fp32Size, 2 * fp32Size].max() ?? 0
    // accelerate's convert_bytes divides by 1024 per unit but prints decimal unit names.
    let acceleratePrinted = acceleratedHalf / 1_073_741_824
    // Hugging Face's 18 bytes and DeepSpeed's unsharded 2 + 18, for the same 7B model.
    let huggingFace =
      seven
      * (ElementType.fp32.bytesPerElement + ElementType.fp16.bytesPerElement
        + ElementType.fp32.bytesPerElement + 2 * ElementType.fp32.bytesPerElement)
    let deepSpeedOneGPU = 2 * seven + 18 * seven / 1
    return [
      Figure("hf-7b-mixed", ByteFormatting.decimal(huggingFace)),
      Figure("deepspeed-7b-one-gpu", ByteFormatting.decimal(deepSpeedOneGPU)),
      Figure("deepspeed-zero2-7.5b", ByteFormatting.decimal(zero2)),
      Figure(
        "deepspeed-zero2-7.5b-printed", ByteFormatting.trimmed(zero2 / 1_073_741_824, decimals: 2)),
      Figure("deepspeed-zero2-older-7.5b", ByteFormatting.decimal(zero2Older)),
      Figure("deepspeed-zero3-7.5b", ByteFormatting.decimal(zero3)),
      Figure("accelerate-7b-fp32", ByteFormatting.decimal(acceleratedFP32)),
      Figure("accelerate-7b-fp16", ByteFormatting.decimal(acceleratedHalf)),
      Figure("accelerate-7b-fp16-printed", ByteFormatting.trimmed(acceleratePrinted, decimals: 2)),
    ]
  }

  // MARK: - Formatting

  /// Bytes in decimal units, 2 decimals at most; `unit` forces one unit ("MB") instead of the
  /// largest that keeps the number at or above 1.
  static func gb(_ bytes: UInt64, unit: String? = nil) -> String {
    guard let unit else { return ByteFormatting.decimal(Double(bytes)) }
    return ByteFormatting.decimal(Double(bytes), in: unit)
  }

  /// A parameter count as papers write it: 125.1M, 1.315B, 12.95B, 174.59B.
  static func parameterText(_ count: UInt64) -> String {
    let value = Double(count)
    if value < 1e9 { return "\(ByteFormatting.trimmed(value / 1e6, decimals: 1))M" }
    if value < 1e10 { return "\(ByteFormatting.trimmed(value / 1e9, decimals: 3))B" }
    return "\(ByteFormatting.trimmed(value / 1e9, decimals: 2))B"
  }
}
