import { Controller, Get } from '@nestjs/common';
import { StsService } from 'src/sts/sts.service';

@Controller('videos')
export class VideosController {
  constructor(private readonly stsService: StsService) {}

  @Get('upload-credentials')
  async uploadCredentials() {
    return this.stsService.uploadCredentials('videos');
  }
}
