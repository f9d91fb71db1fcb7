import { Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';

/**
 * A singleton that knows how to build one kind of DataLoader; `create` is called once per
 * request, with that request's loaders (so that one loader may prime another with rows it read).
 */
export interface LoaderFactory<L = unknown> {
  create(loaders: RequestLoaders): L;
}

/** The DataLoaders of one request, built lazily so that a request pays only for the loaders it uses. */
export class RequestLoaders {
  private readonly loaders = new Map<Type<LoaderFactory>, unknown>();

  constructor(private readonly moduleRef: ModuleRef) {}

  get<L>(factory: Type<LoaderFactory<L>>): L {
    let loader = this.loaders.get(factory) as L | undefined;
    if (!loader) {
      loader = this.moduleRef.get(factory, { strict: false }).create(this);
      this.loaders.set(factory, loader);
    }
    return loader;
  }
}
