import Drawing
import Harness
import Units

/// Every number the ServingAndFinetuning lesson states as the result of a computation, computed
/// here from first principles; the lesson writes each as `[text](fig:id)`.
public enum ServingAndFinetuningFigures {
  /// All figures of the lesson, in the order the lesson first uses them.
  public static var all: [Figure] {
    seeds + kvCache + paging + trainable + lora + fourBit + optimizer + budget + questions
  }

  /// The flashcards' 13B example and what its 20 % holds.
  static var seeds: [Figure] {
    let weights = 13e9 * 2
    // GPT-3 13B as the lecture lists it: 40 layers, 40 heads of 128, multi-head attention.
    let perToken = 2 * 40 * 40 * 128 * 2
    let overhead = weights * 0.2
    return [
      Figure("seed-13b-weights", ByteFormatting.decimal(weights)),
      Figure("seed-13b-inference", ByteFormatting.decimal(weights * 1.2)),
      Figure("seed-13b-overhead", ByteFormatting.decimal(overhead)),
      Figure("seed-13b-kv-per-token", ByteFormatting.binary(Double(perToken))),
      Figure("seed-13b-kv-tokens", FigureText.grouped(Int(overhead) / perToken) + " tokens"),
    ]
  }

  /// KV-cache sizes of published models and what fits on a 24 GiB card.
  static var kvCache: [Figure] {
    let llama7 = AttentionConfig.llama2With7B
    let llama70 = AttentionConfig.llama2With70B
    var llama70MHA = llama70
    llama70MHA.kvHeads = llama70.queryHeads
    let falcon = AttentionConfig(
      layers: 32, queryHeads: 71, kvHeads: 1, headDim: 64, bytesPerElement: 2)
    var llama7Int8 = llama7
    llama7Int8.bytesPerElement = 1
    let card = 24 << 30
    let weights = DecoderShape.llama2With7B.parameters * 2
    let room = card - weights
    return [
      Figure("kv-7b-per-token", FigureText.grouped(perToken(llama7)) + " bytes"),
      Figure("kv-7b-per-token-binary", ByteFormatting.binary(Double(perToken(llama7)))),
      Figure("kv-7b-sequence-4096", ByteFormatting.binary(Double(perToken(llama7) * 4096))),
      Figure("kv-7b-batch-8", ByteFormatting.binary(Double(perToken(llama7) * 4096 * 8))),
      Figure("kv-70b-per-token", ByteFormatting.binary(Double(perToken(llama70)))),
      Figure("kv-70b-mha-per-token", ByteFormatting.binary(Double(perToken(llama70MHA)))),
      Figure("kv-70b-group", "\(llama70.queryHeads / llama70.kvHeads)"),
      Figure("kv-falcon-per-token", ByteFormatting.binary(Double(perToken(falcon)))),
      Figure("card-24", ByteFormatting.binary(Double(card))),
      Figure("card-24-decimal", ByteFormatting.decimal(Double(card))),
      Figure("llama-7b-parameters", FigureText.grouped(DecoderShape.llama2With7B.parameters)),
      Figure("llama-7b-fp16-bytes", ByteFormatting.binary(Double(weights))),
      Figure("kv-room", ByteFormatting.binary(Double(room))),
      Figure("largest-batch-4096", "\(room / (perToken(llama7) * 4096))"),
      Figure("kv-7b-int8-per-token", ByteFormatting.binary(Double(perToken(llama7Int8)))),
      Figure("largest-batch-4096-int8", "\(room / (perToken(llama7Int8) * 4096))"),
      Figure("longest-context", FigureText.grouped(room / perToken(llama7)) + " tokens"),
    ]
  }

  /// Waste of contiguous preallocation and of paging, replayed on the lesson's trace.
  static var paging: [Figure] {
    let trace = TraceReplay.lessonTrace
    let replay = TraceReplay.lesson
    let busiest = replay.busiest
    let blocksPerMaximum = trace.maxTokens / 16
    let contiguousBlocks = busiest.live * blocksPerMaximum
    let pagedBlocks = busiest.pagedSlots / 16
    return [
      Figure("block-size", "16"),
      Figure("trace-max-tokens", FigureText.grouped(trace.maxTokens)),
      Figure("blocks-per-maximum", "\(blocksPerMaximum)"),
      Figure("waste-contiguous", FigureText.percent(replay.contiguousWaste)),
      Figure("waste-paged", FigureText.percent(replay.pagedWaste)),
      Figure("busiest-live", "\(busiest.live)"),
      Figure("busiest-paged-blocks", FigureText.grouped(pagedBlocks)),
      Figure("busiest-contiguous-blocks", FigureText.grouped(contiguousBlocks)),
      Figure(
        "busiest-ratio",
        FigureText.number(Double(contiguousBlocks) / Double(max(1, pagedBlocks)), decimals: 1)
          + "×"),
      Figure("paged-slots-copied", FigureText.grouped(replay.pool.slotsCopied)),
    ]
  }

  /// What training a 7B model in full keeps per parameter, against its weights alone.
  static var trainable: [Figure] {
    let parameters = Double(DecoderShape.llama2With7B.parameters)
    return [
      Figure("full-7b-mixed", ByteFormatting.decimal(parameters * 16)),
      Figure("full-7b-weights", ByteFormatting.decimal(parameters * 2)),
    ]
  }

  /// LoRA's trainable counts on Llama 2 7B.
  static var lora: [Figure] {
    let shape = DecoderShape.llama2With7B
    let h = shape.hidden
    let perMatrix = 8 * (h + h)
    let qv = perMatrix * 2 * shape.layers
    // Rank 16 on all seven linear layers of each block: q, k, v, o (h × h), gate and up
    // (h → i), down (i → h).
    let allLinear =
      shape.layers
      * (4 * 16 * (h + h) + 2 * 16 * (h + shape.intermediate) + 16 * (shape.intermediate + h))
    return [
      Figure("lora-per-matrix", FigureText.grouped(perMatrix)),
      Figure("full-per-matrix", FigureText.grouped(h * h)),
      Figure(
        "lora-matrix-ratio", FigureText.percent(Double(perMatrix) / Double(h * h), decimals: 2)),
      Figure("lora-qv-total", FigureText.grouped(qv)),
      Figure(
        "lora-qv-fraction", FigureText.percent(Double(qv) / Double(shape.parameters), decimals: 2)),
      Figure("lora-all-linear", FigureText.grouped(allLinear)),
      Figure("lora-qv-state", ByteFormatting.decimal(Double(qv) * 16)),
    ]
  }

  /// Bits per weight of int4 and NF4, and the NF4 table rebuilt from quantiles.
  static var fourBit: [Figure] {
    let int4 = 4 + 16.0 / 128
    let nf4 = 4 + 8.0 / 64 + 32.0 / (64 * 256)
    let nf4Plain = 4 + 32.0 / 64
    let difference = NormalQuantiles.largestDifferenceFromTable
    return [
      Figure("int4-bits", FigureText.number(int4, decimals: 3)),
      Figure("nf4-bits", FigureText.number(nf4, decimals: 3)),
      Figure("nf4-bits-exact", FigureText.number(nf4, decimals: 9)),
      Figure("nf4-bits-plain", FigureText.number(nf4Plain, decimals: 3)),
      Figure("nf4-dq-saving", FigureText.number(nf4Plain - nf4, decimals: 3)),
      Figure("nf4-dq-saving-65b", ByteFormatting.decimal(65e9 * (nf4Plain - nf4) / 8)),
      Figure(
        "nf4-table-agreement",
        difference < 1e-6 ? "10⁻⁶" : FigureText.number(difference, decimals: 9)),
      Figure(
        "nf4-largest-gap", FigureText.number(Double(NF4.levels[1] - NF4.levels[0]), decimals: 3)),
      Figure(
        "weights-7b-int4",
        ByteFormatting.decimal(Double(DecoderShape.llama2With7B.parameters) * int4 / 8)),
    ]
  }

  /// 8-bit Adam's state against fp32 Adam's.
  static var optimizer: [Figure] {
    let parameters = Double(DecoderShape.llama2With7B.parameters)
    let perParameter = 2 + 2 * 4 / 2048.0
    return [
      Figure("adam8-bytes-per-parameter", FigureText.number(perParameter, decimals: 4)),
      Figure("adam-7b-fp32-state", ByteFormatting.decimal(parameters * 8)),
      Figure("adam-7b-8bit-state", ByteFormatting.decimal(parameters * perParameter)),
      Figure("full-7b-adam8", ByteFormatting.decimal(parameters * (2 + 2 + 4 + 2))),
    ]
  }

  /// The worked budget: LoRA and QLoRA of Llama 2 7B on a 24 GiB card.
  static var budget: [Figure] {
    let shape = DecoderShape.llama2With7B
    let (s, h, a, layers) = (
      2048.0, Double(shape.hidden), Double(shape.heads), Double(shape.layers)
    )
    // Korthikanti et al. 2022, 16-bit, batch 1: one layer's activations without recomputation,
    // and the layer inputs full recomputation keeps.
    let oneLayer = s * h * (34 + 5 * a * s / h)
    let checkpoints = 2 * s * h * layers
    let adapters = Double(8 * (2 * shape.hidden) * 2 * shape.layers) * 16
    let loraWeights = Double(shape.parameters) * 2
    let nf4Bits = 4 + 8.0 / 64 + 32.0 / (64 * 256)
    let qloraLinear = Double(shape.linearParameters) * nf4Bits / 8
    let qloraOther = Double(shape.otherParameters) * 2
    let activations = oneLayer + checkpoints
    let lora = loraWeights + adapters + activations
    let qlora = qloraLinear + qloraOther + adapters + activations
    return [
      Figure("budget-sequence", FigureText.grouped(Int(s))),
      Figure("budget-one-layer", ByteFormatting.decimal(oneLayer)),
      Figure("budget-all-layers", ByteFormatting.decimal(oneLayer * layers)),
      Figure("budget-checkpoints", ByteFormatting.decimal(checkpoints)),
      Figure("budget-activations", ByteFormatting.decimal(activations)),
      Figure("budget-adapters", ByteFormatting.decimal(adapters)),
      Figure("budget-lora-weights", ByteFormatting.decimal(loraWeights)),
      Figure("budget-lora-total", ByteFormatting.decimal(lora)),
      Figure("budget-qlora-linear", ByteFormatting.decimal(qloraLinear)),
      Figure("budget-qlora-other", ByteFormatting.decimal(qloraOther)),
      Figure("budget-qlora-total", ByteFormatting.decimal(qlora)),
      Figure("budget-lora-left", ByteFormatting.decimal(Double(24 << 30) - lora)),
      Figure("budget-qlora-left", ByteFormatting.decimal(Double(24 << 30) - qlora)),
    ]
  }

  /// Answers of the lesson's numeric questions.
  static var questions: [Figure] {
    // Mistral 7B: 32 layers, 8 key-value heads of 128, fp16, one 32768-token sequence.
    let mistral = AttentionConfig(
      layers: 32, queryHeads: 32, kvHeads: 8, headDim: 128, bytesPerElement: 2)
    // A 13B model's weights in NF4 with double quantization, every weight counted.
    let nf4Bits = 4 + 8.0 / 64 + 32.0 / (64 * 256)
    return [
      Figure("question-mistral-32k", ByteFormatting.binary(Double(perToken(mistral) * 32768))),
      Figure("question-13b-nf4", ByteFormatting.decimal(13e9 * nf4Bits / 8)),
      Figure("question-blocks-1000", "\((1000 + 15) / 16)"),
    ]
  }

  /// 2 × layers × kvHeads × headDim × bytes.
  static func perToken(_ model: AttentionConfig) -> Int {
    2 * model.layers * model.kvHeads * model.headDim * model.bytesPerElement
  }
}
