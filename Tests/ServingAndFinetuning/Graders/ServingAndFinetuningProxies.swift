import Harness
import ServingAndFinetuning

// One proxy per contract: in the runner each call runs the student's code and is recorded; in
// the judge (no student code) each call is answered from the record. See `Tape`.

/// `KVCacheSizing` through a tape.
struct KVCacheSizingProxy: KVCacheSizing, Sendable {
  let tape: Tape
  let base: (any KVCacheSizing & Sendable)?

  func bytesPerToken(_ model: AttentionConfig) throws -> Int {
    try tape.call("bytesPerToken") { try base!.bytesPerToken(model) }
  }

  func bytesPerSequence(_ model: AttentionConfig, tokens: Int) throws -> Int {
    try tape.call("bytesPerSequence") { try base!.bytesPerSequence(model, tokens: tokens) }
  }

  func bytesPerBatch(_ model: AttentionConfig, tokens: Int, batch: Int) throws -> Int {
    try tape.call("bytesPerBatch") {
      try base!.bytesPerBatch(model, tokens: tokens, batch: batch)
    }
  }

  func largestBatch(_ model: AttentionConfig, tokens: Int, deviceBytes: Int, weightBytes: Int)
    throws -> Int
  {
    try tape.call("largestBatch") {
      try base!.largestBatch(
        model, tokens: tokens, deviceBytes: deviceBytes, weightBytes: weightBytes)
    }
  }
}

/// `PagedKVCache` through a tape. The grader makes caches from the type, so the tape is the one
/// of the exercise being graded (`Tape.current`). The pool is the grader's measuring
/// instrument: in the runner the student's cache works on the grader's pool, whose journal of
/// calls is recorded after each of the cache's calls; in the judge the same calls are made on
/// the judge's own pool, whose meters and contents the grader then reads.
final class PagedKVCacheProxy<Base: PagedKVCache>: PagedKVCache {
  private let pool: BlockPool
  private let tape: Tape
  private var base: Base?

  init(pool: BlockPool) throws {
    guard let tape = Tape.current else {
      preconditionFailure("PagedKVCacheProxy used outside an exercise bound to a tape")
    }
    self.pool = pool
    self.tape = tape
    var made: Base?
    try call("init") {
      made = try Base(pool: pool)
      return Nothing()
    }
    base = made
  }

  func add(sequence id: Int, prompt: [Int]) throws {
    try call("add") {
      try base!.add(sequence: id, prompt: prompt)
      return Nothing()
    }
  }

  func fork(sequence parent: Int, into child: Int) throws {
    try call("fork") {
      try base!.fork(sequence: parent, into: child)
      return Nothing()
    }
  }

  func append(token: Int, to id: Int) throws {
    try call("append") {
      try base!.append(token: token, to: id)
      return Nothing()
    }
  }

  func finish(sequence id: Int) throws {
    try call("finish") {
      try base!.finish(sequence: id)
      return Nothing()
    }
  }

  func blockTable(of id: Int) throws -> [Int] {
    try call("blockTable") { try base!.blockTable(of: id) }
  }

  /// One call of the student's cache, with what it did to the pool.
  @discardableResult
  private func call<Result: Codable>(_ method: String, _ body: () throws -> Result) throws
    -> Result
  {
    let pool = self.pool
    let mark = pool.mark
    return try tape.call(
      method, state: { pool.record(since: mark) }, restore: { pool.replay($0) }, body)
  }
}

/// The judge's stand-in for the student's cache type: never constructed, since in replay every
/// call is answered from the record.
final class UnrecordedCache: PagedKVCache {
  init(pool: BlockPool) throws {
    throw CheckFailure("the judge has no cache of its own")
  }

  func add(sequence id: Int, prompt: [Int]) throws {}
  func fork(sequence parent: Int, into child: Int) throws {}
  func append(token: Int, to id: Int) throws {}
  func finish(sequence id: Int) throws {}
  func blockTable(of id: Int) throws -> [Int] { [] }
}

/// The gradients a backward stored, in order, as the tape carries them.
private struct StoredGradient: Codable {
  var name: String
  var gradient: [Float]
}

/// `LoRALinear` through a tape. The gradient store is the grader's measuring instrument: what
/// the student's backward stored in the runner is stored again in the judge's own store, whose
/// buffers the grader then reads.
struct LoRALinearProxy: LoRALinear, Sendable {
  let tape: Tape
  let base: (any LoRALinear & Sendable)?

  func makeAdapter(w: [Float], dIn: Int, dOut: Int, rank: Int, alpha: Float, seed: UInt64) throws
    -> LoRAWeights
  {
    try tape.call("makeAdapter") {
      try base!.makeAdapter(w: w, dIn: dIn, dOut: dOut, rank: rank, alpha: alpha, seed: seed)
    }
  }

  func forward(_ layer: LoRAWeights, input: [Float], batch: Int) throws -> [Float] {
    try tape.call("forward") { try base!.forward(layer, input: input, batch: batch) }
  }

  func backward(
    _ layer: LoRAWeights, input: [Float], batch: Int, outputGradient: [Float],
    gradients: GradientStore
  ) throws -> [Float] {
    let mark = gradients.buffers.count
    return try tape.call(
      "backward",
      state: {
        gradients.buffers.dropFirst(mark).map {
          StoredGradient(name: $0.name, gradient: gradients.gradient($0.name) ?? [])
        }
      },
      restore: { stored in
        for entry in stored { try? gradients.store(entry.name, entry.gradient) }
      }
    ) {
      try base!.backward(
        layer, input: input, batch: batch, outputGradient: outputGradient, gradients: gradients)
    }
  }

  func trainableParameters(dIn: Int, dOut: Int, rank: Int) throws -> Int {
    try tape.call("trainableParameters") {
      try base!.trainableParameters(dIn: dIn, dOut: dOut, rank: rank)
    }
  }
}

/// `Int4AndNF4` through a tape.
struct Int4AndNF4Proxy: Int4AndNF4, Sendable {
  let tape: Tape
  let base: (any Int4AndNF4 & Sendable)?

  func quantizeInt4(_ values: [Float], groupSize: Int) throws -> Int4Weights {
    try tape.call("quantizeInt4") { try base!.quantizeInt4(values, groupSize: groupSize) }
  }

  func dequantize(_ weights: Int4Weights) throws -> [Float] {
    try tape.call("dequantize(Int4Weights)") { try base!.dequantize(weights) }
  }

  func quantizeNF4(_ values: [Float]) throws -> NF4Weights {
    try tape.call("quantizeNF4") { try base!.quantizeNF4(values) }
  }

  func dequantize(_ weights: NF4Weights) throws -> [Float] {
    try tape.call("dequantize(NF4Weights)") { try base!.dequantize(weights) }
  }
}

/// `Adam8bit` through a tape.
struct Adam8bitProxy: Adam8bit, Sendable {
  let tape: Tape
  let base: (any Adam8bit & Sendable)?

  func initialState(parameterCount: Int, blockSize: Int) throws -> Adam8bitState {
    try tape.call("initialState") {
      try base!.initialState(parameterCount: parameterCount, blockSize: blockSize)
    }
  }

  func step(
    parameters: [Float], gradient: [Float], state: Adam8bitState, hyper: AdamHyperparameters
  ) throws -> Adam8bitStep {
    try tape.call("step") {
      try base!.step(parameters: parameters, gradient: gradient, state: state, hyper: hyper)
    }
  }
}

extension ServingAndFinetuningGraders {
  /// Each contract's proxy on `tape`, around `edition`'s implementation (nil in the judge).
  public static func proxies(on tape: Tape, around edition: ServingAndFinetuningEdition?)
    -> ServingAndFinetuningEdition
  {
    (
      sizing: KVCacheSizingProxy(tape: tape, base: edition?.sizing),
      pagedCache: edition?.pagedCache.proxyType ?? PagedKVCacheProxy<UnrecordedCache>.self,
      lora: LoRALinearProxy(tape: tape, base: edition?.lora),
      quantizer: Int4AndNF4Proxy(tape: tape, base: edition?.quantizer),
      adam: Adam8bitProxy(tape: tape, base: edition?.adam)
    )
  }
}

extension PagedKVCache where Self: SendableMetatype {
  /// This type behind a tape: the proxy type whose every call is recorded.
  fileprivate static var proxyType: any (PagedKVCache & SendableMetatype).Type {
    PagedKVCacheProxy<Self>.self
  }
}
