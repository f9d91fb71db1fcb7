import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('TotpEnrolment')
export class TotpEnrolmentModel {
  @Field({ description: 'The base32 secret, for typing into an authenticator app by hand' })
  secret: string;

  @Field({ description: 'otpauth://totp/Accord:<email>?… for authenticator apps' })
  otpauthUri: string;

  @Field({ description: 'The otpauthUri as a QR code, an SVG document' })
  qrCodeSvg: string;
}
