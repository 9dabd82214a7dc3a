/// A linear layer with a LoRA adapter (Hu et al. 2021): a frozen weight W and two small
/// trainable matrices A and B whose product is the update, scaled by α / r.
///
/// Every matrix is row-major: `w` is dOut × dIn, `a` is rank × dIn, `b` is dOut × rank.
public struct LoRAWeights: Equatable, Sendable, Codable {
  /// Input features.
  public var dIn: Int
  /// Output features.
  public var dOut: Int
  /// The adapter's rank r.
  public var rank: Int
  /// The adapter's α; the update is scaled by α / r.
  public var alpha: Float
  /// The frozen weight, dOut × dIn.
  public var w: [Float]
  /// The down-projection A, rank × dIn (trainable).
  public var a: [Float]
  /// The up-projection B, dOut × rank (trainable, zero at the start).
  public var b: [Float]

  /// Creates a layer from its matrices; the contract's methods check the shapes.
  public init(dIn: Int, dOut: Int, rank: Int, alpha: Float, w: [Float], a: [Float], b: [Float]) {
    self.dIn = dIn
    self.dOut = dOut
    self.rank = rank
    self.alpha = alpha
    self.w = w
    self.a = a
    self.b = b
  }

  /// α / r, the factor on the adapter's path.
  public var scaling: Float { alpha / Float(rank) }
}
