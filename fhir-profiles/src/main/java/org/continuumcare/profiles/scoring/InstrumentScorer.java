package org.continuumcare.profiles.scoring;

import java.util.Collection;

/** Scores the answers to one instrument. Implementations are pure and thread-safe. */
public interface InstrumentScorer {

  InstrumentDefinition definition();

  ScoringResult score(Collection<? extends Answer> answers);
}
