import Harness

/// Every figure the InferenceMemory lesson states, computed from first principles.
public enum InferenceMemoryFigures {
  /// The figures, each written in the lesson as `[text](fig:id)`.
  public static let all: [Figure] =
    elementFigures + gpt3Figures + activationFigures + ruleOfThumbFigures + forwardFigures
    + planningFigures

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
      figures.append(Figure("gpt3-\(slug)-params", FigureFormatting.count(count)))
      figures.append(Figure("gpt3-\(slug)-fp16", FigureFormatting.bytes(count * 2)))
      // Biases (q, k, v, out: 4d; MLP: 4d + d) and two layer norms (2 × 2d) per block, one final
      // norm: the terms the closed form leaves out. The lesson quotes the two ends of the family.
      let extra = 13 * model.layers * model.dModel + 2 * model.dModel
      guard slug == "small" || slug == "175b" else { continue }
      figures.append(
        Figure(
          "gpt3-\(slug)-extra-share", FigureFormatting.percent(Double(extra) / Double(count))))
    }
    let big = GPT3Architecture.family[7].parameterCount()
    let thirteen = GPT3Architecture.family[6]
    let consistent = thirteen.parameterCount(dModel: thirteen.heads * thirteen.dHead)
    let xl = GPT3Architecture.family[3]
    figures += [
      Figure("gpt3-175b-exact", FigureFormatting.grouped(big)),
      Figure(
        "gpt3-6-7b-exact", FigureFormatting.grouped(GPT3Architecture.family[5].parameterCount())),
      Figure("gpt3-175b-fp32", FigureFormatting.bytes(big * 4)),
      Figure("gpt3-175b-int8", FigureFormatting.bytes(big)),
      Figure("gpt3-175b-int4", FigureFormatting.bytes((big * 4 + 7) / 8)),
      Figure("gpt3-175b-nominal-fp16", FigureFormatting.bytes(175_000_000_000 * 2)),
      Figure("gpt3-175b-nominal-fp32", FigureFormatting.bytes(175_000_000_000 * 4)),
      Figure("gpt3-13b-heads-width", String(thirteen.heads * thirteen.dHead)),
      Figure("gpt3-13b-5120-params", FigureFormatting.count(consistent)),
      Figure(
        "gpt3-13b-width-difference",
        FigureFormatting.count(thirteen.parameterCount() - consistent)),
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
      Figure("act-conv", FigureFormatting.bytes(conv)),
      Figure("act-mlp", FigureFormatting.bytes(mlp)),
      Figure("act-gpt3-sequence", FigureFormatting.bytes(sequence)),
      Figure("act-lecture-sequences", String(Int((3_200_000.0 / 2048).rounded()))),
      Figure("act-lecture-elements", FigureFormatting.count(tokens)),
      Figure("act-lecture-fp16", FigureFormatting.bytes(tokens * 2)),
      Figure("act-lecture-fp32", FigureFormatting.bytes(tokens * 4)),
      Figure("act-lecture-96-layers", FigureFormatting.bytes(96 * tokens * 2)),
      Figure("act-lecture-two-live", FigureFormatting.bytes(2 * tokens * 2)),
    ]
  }

  /// The weights × 1.2 rule of thumb for serving.
  static var ruleOfThumbFigures: [Figure] {
    // Training in fp32 with Adam: weights, gradient, and the two moments, 4 bytes each.
    let training = 4 * ElementType.fp32.storageBits / 8
    func rule(_ parameters: Int, _ bytes: Int) -> Double { Double(parameters * bytes) * 1.2 }
    return [
      Figure("train-fp32-bytes-per-parameter", String(training)),
      Figure("rule-13b-weights", FigureFormatting.bytes(13_000_000_000 * 2)),
      Figure("rule-7b-weights", FigureFormatting.bytes(7_000_000_000 * 2)),
      Figure("rule-13b-total", ByteFormatting.decimal(rule(13_000_000_000, 2))),
      Figure("rule-7b-total", ByteFormatting.decimal(rule(7_000_000_000, 2))),
      Figure("rule-175b-total", ByteFormatting.decimal(rule(175_000_000_000, 2))),
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
      Figure("deep-activation", FigureFormatting.bytes(width * batch * 4)),
      Figure("deep-naive", FigureFormatting.bytes(naive)),
      Figure("deep-pingpong", FigureFormatting.bytes(pingPong)),
      Figure("deep-ratio", FigureFormatting.ratio(Double(naive) / Double(pingPong))),
      Figure("timeline-layers", String(InferenceTimeline.widths.count - 1)),
      Figure("timeline-naive-peak", FigureFormatting.bytes(runs.naive.peakBytes)),
      Figure("timeline-naive-allocations", String(runs.naive.allocations)),
      Figure("timeline-pingpong-peak", FigureFormatting.bytes(runs.pingPong.peakBytes)),
      Figure("timeline-pingpong-allocations", String(runs.pingPong.allocations)),
      Figure("uneven-naive", FigureFormatting.bytes(uneven.reduce(0, +) * 4)),
      Figure("uneven-pingpong", FigureFormatting.bytes(2 * (uneven.max() ?? 0) * 4)),
      Figure("uneven-bound", FigureFormatting.bytes(unevenBound * 4)),
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
      Figure("block-narrow", FigureFormatting.bytes(block.tensors[0].bytes)),
      Figure("block-wide", FigureFormatting.bytes(block.tensors[5].bytes)),
      Figure("block-peak", FigureFormatting.bytes(peak)),
      Figure("block-greedy-excess", FigureFormatting.bytes(greedy.totalBytes - peak)),
      Figure("block-greedy-buffers", String(greedy.bufferBytes.count)),
      Figure("block-greedy-total", FigureFormatting.bytes(greedy.totalBytes)),
      Figure("block-optimum", FigureFormatting.bytes(optimum.totalBytes)),
      Figure("block-optimum-buffers", String(optimum.bufferBytes.count)),
      Figure("block-no-reuse", FigureFormatting.bytes(block.tensors.reduce(0) { $0 + $1.bytes })),
      Figure("chain-buffers", String(chain.bufferBytes.count)),
    ]
  }
}
