package io.paraseq.sequencer.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problems an endpoint may answer with, for its OpenAPI document: {@link OpenApiConfiguration}
 * turns them into responses grouped by status, each type with its example. {@link
 * ProblemType#INTERNAL_ERROR} and {@link ProblemType#NOT_ACCEPTABLE} are added to every endpoint.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface ProblemResponses {

  /** The problem types, in any order. */
  ProblemType[] value();
}
