import Harness

/// Every picture the lesson shows, drawn by code from the kit's own computations.
public enum TrainingMemoryPictures {
  /// All pictures, in the order the lesson shows them.
  public static let all: [Picture] = [
    TimelinePicture.picture, AdamDataflowPicture.picture, ZeroStagesPicture.picture,
  ]
}
