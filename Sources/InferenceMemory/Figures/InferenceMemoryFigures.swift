import Drawing
import Harness
import Units

/// Every figure the InferenceMemory lesson states, computed from first principles.
public enum InferenceMemoryFigures {
  /// The figures, each written in the lesson as `[text](fig:id)`.
  public static let all: [Figure] =
    elementFigures + gpt3Figures + activationFigures + liveFigures + ruleOfThumbFigures
    + forwardFigures
    + planningFigures + attentionFigures + servingFigures

  /// Bytes per element of each type: storage bits ÷ 8.
  static var elementFigures: [Figure] {
    ElementType.allCases.map { element in
      Figure(
        "bytes-\(element.name)",
        ByteFormatting.trimmed(Double(element.storageBits) / 8, decimals: 1))
    }
  }

  /// GPT-3's parameter counts from the architecture, and what the weights weigh.
  static var gpt3Figures: [Figure] {
    var figures: [Figure] = []
    for model in GPT3Architecture.family {
      let short = model.name.replacing("GPT-3 ", with: "")
      let slug = short.lowercased().replacing(".", with: "-")
      let count = model.parameterCount()
      figures.append(Figure("gpt3-\(slug)-params", FigureText.count(count)))
      figures.append(Figure("gpt3-\(slug)-fp16", FigureText.bytes(count * 2)))
      // Biases (q, k, v, out: 4d; MLP: 4d + d) and two layer norms (2 × 2d) per block, one final
      // norm: the terms the closed form leaves out. The lesson quotes the two ends of the family.
      let extra = 13 * model.layers * model.dModel + 2 * model.dModel
      guard slug == "small" || slug == "175b" else { continue }
      figures.append(
        Figure(
          "gpt3-\(slug)-extra-share",
          FigureText.percent(Double(extra) / Double(count), significantDigits: 2)))
    }
    let big = GPT3Architecture.family[7].parameterCount()
    let thirteen = GPT3Architecture.family[6]
    let consistent = thirteen.parameterCount(dModel: thirteen.heads * thirteen.dHead)
    let xl = GPT3Architecture.family[3]
    figures += [
      Figure("gpt3-175b-exact", FigureText.grouped(big)),
      Figure(
        "gpt3-6-7b-exact", FigureText.grouped(GPT3Architecture.family[5].parameterCount())),
      Figure("gpt3-175b-fp32", FigureText.bytes(big * 4)),
      Figure("gpt3-175b-int8", FigureText.bytes(big)),
      Figure("gpt3-175b-int4", FigureText.bytes((big * 4 + 7) / 8)),
      Figure("gpt3-175b-nominal-fp16", FigureText.bytes(175_000_000_000 * 2)),
      Figure("gpt3-175b-nominal-fp32", FigureText.bytes(175_000_000_000 * 4)),
      Figure("gpt3-13b-heads-width", String(thirteen.heads * thirteen.dHead)),
      Figure("gpt3-13b-5120-params", FigureText.count(consistent)),
      Figure(
        "gpt3-13b-width-difference",
        FigureText.count(thirteen.parameterCount() - consistent)),
      Figure("gpt3-xl-heads-width", String(xl.heads * xl.dHead)),
    ]
    return figures
  }

  /// Activation sizes of the lesson's examples.
  static var activationFigures: [Figure] {
    let conv = 32 * 64 * 112 * 112 * 4
    let mlp = 64 * 1024 * 1 * 4
    let sequence = 1 * 2048 * 12_288 * 2
    // The lecture's GPT-3 example: 3.2M tokens per batch, one tensor of width 12288 per layer.
    let tokens = 3_200_000 * 12_288
    return [
      Figure("act-conv", FigureText.bytes(conv)),
      Figure("act-mlp", FigureText.bytes(mlp)),
      Figure("act-gpt3-sequence", FigureText.bytes(sequence)),
      Figure("act-lecture-sequences", String(Int((3_200_000.0 / 2048).rounded()))),
      Figure("act-lecture-elements", FigureText.count(tokens)),
      Figure("act-lecture-fp16", FigureText.bytes(tokens * 2)),
      Figure("act-lecture-fp32", FigureText.bytes(tokens * 4)),
      Figure("act-lecture-96-layers", FigureText.bytes(96 * tokens * 2)),
    ]
  }

  /// What is live in GPT-3 175B's inference: one block's peak for the lecture's 3.2M tokens
  /// (the lesson's block graph at that size), and the KV cache generation keeps per token.
  static var liveFigures: [Figure] {
    let gpt3 = GPT3Architecture.family[7]
    let block = ComputationGraph.transformerBlock(
      tokens: 3_200_000, hidden: gpt3.dModel, element: .fp16)
    let peak = ReferencePlanning.peakBytes(block)
    let kvPerToken = kvBytesPerToken(gpt3)
    return [
      Figure("act-lecture-block-peak", FigureText.bytes(peak)),
      Figure("act-lecture-block-widths", String(peak / block.tensors[0].bytes)),
      Figure("gpt3-175b-kv-token", FigureText.bytes(kvPerToken)),
      Figure("gpt3-175b-kv-sequence", FigureText.bytes(kvPerToken * 2048)),
      Figure("gpt3-175b-kv-lecture-batch", FigureText.bytes(kvPerToken * 3_200_000)),
    ]
  }

  /// Keys and values of one token in every layer, 2-byte elements: 2 · layers · d · 2.
  static func kvBytesPerToken(_ model: GPT3Architecture) -> Int {
    2 * model.layers * model.dModel * 2
  }

  /// The weights × 1.2 rule of thumb for serving.
  static var ruleOfThumbFigures: [Figure] {
    func rule(_ parameters: Int, _ bytes: Int) -> Double { Double(parameters * bytes) * 1.2 }
    let device = 24_000_000_000
    return [
      Figure("rule-13b-weights", FigureText.bytes(13_000_000_000 * 2)),
      Figure("rule-13b-total", ByteFormatting.decimal(rule(13_000_000_000, 2))),
      Figure("rule-175b-total", ByteFormatting.decimal(rule(175_000_000_000, 2))),
      // The question turns the rule around: the largest fp16 model a 24 GB device serves.
      Figure("rule-device", FigureText.bytes(device)),
      Figure(
        "rule-device-max-billions", ByteFormatting.trimmed(Double(device) / 2.4e9, decimals: 1)),
    ]
  }

  /// Naive against ping-pong: the benchmark's deep MLP by closed form, the picture's network
  /// from the instrumented run, and an uneven network where the widest-layer rule hurts.
  static var forwardFigures: [Figure] {
    let (layers, width, batch) = (32, 1024, 64)
    let naive = (layers + 1) * width * batch * 4
    let pingPong = 2 * width * batch * 4
    let runs = InferenceTimeline.runs
    let uneven = [784, 4096, 10]
    let unevenBound = zip(uneven, uneven.dropFirst()).map { $0 + $1 }.max() ?? 0
    return [
      Figure("deep-activation", FigureText.bytes(width * batch * 4)),
      Figure("deep-naive", FigureText.bytes(naive)),
      Figure("deep-pingpong", FigureText.bytes(pingPong)),
      Figure("deep-ratio", FigureText.ratio(Double(naive) / Double(pingPong))),
      Figure("timeline-layers", String(InferenceTimeline.widths.count - 1)),
      Figure("timeline-naive-peak", FigureText.bytes(runs.naive.peakBytes)),
      Figure("timeline-naive-allocations", String(runs.naive.allocations)),
      Figure("timeline-pingpong-peak", FigureText.bytes(runs.pingPong.peakBytes)),
      Figure("timeline-pingpong-allocations", String(runs.pingPong.allocations)),
      Figure("uneven-naive", FigureText.bytes(uneven.reduce(0, +) * 4)),
      Figure("uneven-pingpong", FigureText.bytes(2 * (uneven.max() ?? 0) * 4)),
      Figure("uneven-bound", FigureText.bytes(unevenBound * 4)),
    ]
  }

  /// The transformer block's plan: peak, greedy buffers, optimum, no reuse.
  static var planningFigures: [Figure] {
    let block = ComputationGraph.lessonBlock
    let greedy = ReferencePlanning.greedyBySize(block)
    let optimum = ReferencePlanning.optimalAssignment(block)
    let chain = ReferencePlanning.greedyBySize(.chain(layers: 32, bytes: 1))
    let spans = ReferencePlanning.lifetimes(block)
    let lifetimes = zip(block.tensors, spans).map { tensor, span in
      Figure("block-lifetime-\(tensor.name)", "\(span.first)\u{2013}\(span.last)")
    }
    let peak = ReferencePlanning.peakBytes(block)
    return lifetimes + [
      Figure("block-narrow", FigureText.bytes(block.tensors[0].bytes)),
      Figure("block-wide", FigureText.bytes(block.tensors[5].bytes)),
      Figure("block-peak", FigureText.bytes(peak)),
      Figure("block-greedy-excess", FigureText.bytes(greedy.totalBytes - peak)),
      Figure("block-greedy-buffers", String(greedy.bufferBytes.count)),
      Figure("block-greedy-total", FigureText.bytes(greedy.totalBytes)),
      Figure("block-optimum", FigureText.bytes(optimum.totalBytes)),
      Figure("block-optimum-buffers", String(optimum.bufferBytes.count)),
      Figure("block-no-reuse", FigureText.bytes(block.tensors.reduce(0) { $0 + $1.bytes })),
      Figure("chain-buffers", String(chain.bufferBytes.count)),
    ]
  }

  /// The block's attention step taken apart (GPT-3 6.7B's 32 heads on the lesson's block): Q, K
  /// and V as tensors of their own, with a fused kernel that never stores the scores, and
  /// unfused, where QKᵀ and its softmax are heads × L² each.
  static var attentionFigures: [Figure] {
    let model = GPT3Architecture.family[5]
    let hidden = model.dModel
    // The lesson's block is GPT-3 6.7B's width in fp16; its tokens follow from its x tensor.
    let tokens = ComputationGraph.lessonBlock.tensors[0].bytes / (hidden * 2)
    let narrow = tokens * hidden * 2
    let scores = model.heads * tokens * tokens * 2
    let fused = ReferencePlanning.peakBytes(
      ComputationGraph.attentionBlock(tokens: tokens, hidden: hidden, unfusedHeads: nil))
    let unfused = ReferencePlanning.peakBytes(
      ComputationGraph.attentionBlock(tokens: tokens, hidden: hidden, unfusedHeads: model.heads))
    // The step that holds x, n1, Q, K and V: five residual widths.
    return [
      Figure("block-tokens", String(tokens)),
      Figure("block-hidden", String(hidden)),
      Figure("block-heads", String(model.heads)),
      Figure("block-qkv-step", FigureText.bytes(5 * narrow)),
      Figure("block-fused-peak", FigureText.bytes(fused)),
      Figure("block-scores", FigureText.bytes(scores)),
      Figure("block-unfused-peak", FigureText.bytes(unfused)),
    ]
  }

  /// Spare memory on a server counted as KV cache of GPT-3 6.7B.
  static var servingFigures: [Figure] {
    let model = GPT3Architecture.family[5]
    let perToken = kvBytesPerToken(model)
    let perSequence = perToken * 2048
    let spare = 10_000_000_000
    let greedyExcess =
      ReferencePlanning.greedyBySize(ComputationGraph.lessonBlock).totalBytes
      - ReferencePlanning.peakBytes(ComputationGraph.lessonBlock)
    return [
      Figure("kv-6-7b-token", FigureText.bytes(perToken)),
      Figure("kv-6-7b-sequence", FigureText.bytes(perSequence)),
      Figure("serving-spare", FigureText.bytes(spare)),
      Figure("serving-extra-sequences", String(spare / perSequence)),
      Figure("block-greedy-excess-kv-tokens", String(greedyExcess / perToken)),
    ]
  }
}

extension ComputationGraph {
  /// The lesson's block with attention taken apart, in fp16: n1 is projected into Q, K and V;
  /// with `unfusedHeads` nil one fused kernel turns them into the context (FlashAttention keeps
  /// no score matrix), otherwise QKᵀ and its softmax are stored, heads × tokens² each.
  static func attentionBlock(tokens: Int, hidden: Int, unfusedHeads: Int?) -> ComputationGraph {
    let narrow = tokens * hidden * 2
    let wide = 4 * narrow
    var tensors = ["x", "n1", "q", "k", "v"].map { GraphTensor($0, bytes: narrow) }
    var operations = [
      GraphOperation("norm1", inputs: [0], outputs: [1]),
      GraphOperation("qkv", inputs: [1], outputs: [2, 3, 4]),
    ]
    if let heads = unfusedHeads {
      let scores = heads * tokens * tokens * 2
      tensors += [GraphTensor("scores", bytes: scores), GraphTensor("probs", bytes: scores)]
      operations += [
        GraphOperation("qk", inputs: [2, 3], outputs: [5]),
        GraphOperation("softmax", inputs: [5], outputs: [6]),
        GraphOperation("pv", inputs: [6, 4], outputs: [7]),
      ]
    } else {
      operations.append(GraphOperation("fused", inputs: [2, 3, 4], outputs: [tensors.count]))
    }
    let context = tensors.count
    tensors += ["context", "attn", "r", "n2"].map { GraphTensor($0, bytes: narrow) }
    tensors += [GraphTensor("up", bytes: wide), GraphTensor("gelu", bytes: wide)]
    tensors += ["down", "y"].map { GraphTensor($0, bytes: narrow) }
    let (attn, r, n2, up, gelu, down, y) = (
      context + 1, context + 2, context + 3, context + 4, context + 5, context + 6, context + 7
    )
    operations += [
      GraphOperation("out", inputs: [context], outputs: [attn]),
      GraphOperation("add1", inputs: [0, attn], outputs: [r]),
      GraphOperation("norm2", inputs: [r], outputs: [n2]),
      GraphOperation("ffn_up", inputs: [n2], outputs: [up]),
      GraphOperation("gelu", inputs: [up], outputs: [gelu]),
      GraphOperation("ffn_down", inputs: [gelu], outputs: [down]),
      GraphOperation("add2", inputs: [r, down], outputs: [y]),
    ]
    return ComputationGraph(unchecked: tensors, operations: operations, outputs: [y])
  }
}
