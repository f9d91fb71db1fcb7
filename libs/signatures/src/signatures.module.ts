import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SignatureEntity } from './signature.entity';

export const SIGNATURE_ENTITIES = [SignatureEntity];

@Module({
  imports: [TypeOrmModule.forFeature(SIGNATURE_ENTITIES)],
})
export class SignaturesModule {}
