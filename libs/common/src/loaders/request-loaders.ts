import { Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';

/** A singleton that knows how to build one kind of DataLoader; `create` is called once per request. */
export interface LoaderFactory<L = unknown> {
  create(): L;
}

/** The DataLoaders of one request, built lazily so that a request pays only for the loaders it uses. */
export class RequestLoaders {
  private readonly loaders = new Map<Type<LoaderFactory>, unknown>();

  constructor(private readonly moduleRef: ModuleRef) {}

  get<L>(factory: Type<LoaderFactory<L>>): L {
    let loader = this.loaders.get(factory) as L | undefined;
    if (!loader) {
      loader = this.moduleRef.get(factory, { strict: false }).create();
      this.loaders.set(factory, loader);
    }
    return loader;
  }
}
