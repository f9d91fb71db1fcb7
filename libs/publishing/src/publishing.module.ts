import { Module } from '@nestjs/common';
import { DraftingModule } from '@accord/drafting';
import { SignaturesModule } from '@accord/signatures';
import { TextDocumentsController } from './text-documents.controller';
import { TextDocumentsService } from './text-documents.service';

/** Texts as documents to hand out: PDF, Word and Markdown, in one language or two. */
@Module({
  imports: [DraftingModule, SignaturesModule],
  controllers: [TextDocumentsController],
  providers: [TextDocumentsService],
  exports: [TextDocumentsService],
})
export class PublishingModule {}
